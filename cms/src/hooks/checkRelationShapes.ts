// Payload skips field validation on draft saves, so a relation of the wrong
// shape (an object where an id belongs, `{ relationTo, value }` on a field that
// points to one collection) reached the database and answered 500. Checked on
// every save, draft or not, once Payload has turned populated documents into
// ids: a French 400 naming the field, nothing written.
import { ValidationError, type CollectionBeforeValidateHook, type Field, type Plugin } from 'payload'
import { message } from '../lib/message'

type Malformed = { path: string; label?: unknown }

const isId = (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')

function wellShaped(value: unknown, relationTo: string | string[]): boolean {
  if (value === null || value === undefined) return true
  if (typeof relationTo === 'string') return isId(value)
  if (typeof value !== 'object') return false
  const { relationTo: to, value: id } = value as { relationTo?: unknown; value?: unknown }
  return typeof to === 'string' && relationTo.includes(to) && (id === null || isId(id))
}

/** The relation fields under `fields` whose value in `data` has the wrong shape (groups, tabs, arrays and blocks included). */
export function malformedRelations(fields: Field[], data: unknown, prefix = '', found: Malformed[] = []): Malformed[] {
  if (!data || typeof data !== 'object') return found
  const record = data as Record<string, unknown>
  for (const field of fields) {
    switch (field.type) {
      case 'relationship':
      case 'upload': {
        const value = record[field.name]
        if (value === undefined || value === null) break
        if (!(Array.isArray(value) ? value : [value]).every((v) => wellShaped(v, field.relationTo))) {
          found.push({ path: `${prefix}${field.name}`, label: field.label })
        }
        break
      }
      case 'group':
        if ('name' in field && field.name) malformedRelations(field.fields, record[field.name], `${prefix}${field.name}.`, found)
        else malformedRelations(field.fields, record, prefix, found)
        break
      case 'row':
      case 'collapsible':
        malformedRelations(field.fields, record, prefix, found)
        break
      case 'tabs':
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) malformedRelations(tab.fields, record[tab.name], `${prefix}${tab.name}.`, found)
          else malformedRelations(tab.fields, record, prefix, found)
        }
        break
      case 'array': {
        const rows = record[field.name]
        if (Array.isArray(rows)) rows.forEach((row, i) => malformedRelations(field.fields, row, `${prefix}${field.name}.${i}.`, found))
        break
      }
      case 'blocks': {
        const rows = record[field.name]
        if (!Array.isArray(rows)) break
        rows.forEach((row, i) => {
          const type = (row as { blockType?: unknown } | null)?.blockType
          const block = field.blocks.find((b) => b.slug === type)
          if (block) malformedRelations(block.fields, row, `${prefix}${field.name}.${i}.`, found)
        })
        break
      }
    }
  }
  return found
}

export const checkRelationShapes: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  const malformed = malformedRelations(collection.fields, data)
  if (malformed.length === 0) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: malformed.map(({ path, label }) => ({
        path,
        label: label as never,
        message: message(req, {
          fr: 'Ce lien vers un autre contenu n’a pas la bonne forme : indiquez le numéro du contenu visé.',
          en: 'This link to other content has the wrong shape: give the id of the content it points to.',
        }),
      })),
      req,
    },
    req.t,
  )
}

/** Runs the check first among each collection's `beforeValidate` hooks (after Payload's own field normalisation). */
export const relationShapesPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeValidate: [checkRelationShapes, ...(collection.hooks?.beforeValidate ?? [])] },
  })),
})
