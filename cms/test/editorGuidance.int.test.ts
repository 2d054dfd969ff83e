// The admin guides people in Québec French (issue 13): Payload's French strings
// without « un(e) nouveau ou nouvelle » or broken placeholders, relationship
// chips that never read « Sans titre - ID: n », the SEO preview with the
// document's real address, help and ready-made filters on the lists, which
// language versions exist, and resources marked outdated kept off the sites.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import type { Payload, PayloadRequest } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { relationIds } from '../src/lib/relationId'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clip } from '../src/components/BlockLabel'
import { ListHelp } from '../src/components/ListHelp'
import { languageStates } from '../src/components/TranslationStatus'
import { exportSnapshots } from '../src/export'
import { translations } from '../src/i18n/translations'
import { documentUrl } from '../src/lib/documentUrl'
import { listUrl, resourcesToReviewWhere, withoutEnglishWhere } from '../src/lib/listFilters'
import type { User } from '../src/payload-types'
import { restClient } from './helpers/rest'
import { createStaff, createTestSite, startTempCms, type TempCms, requestAs } from './helpers/tempCms'

let cms: TempCms
let payload: Payload
let hub: { id: number }
let marthe: { id: number }
let estrie: { id: number }
let frenchOnly: { id: number }
let martheEditor: User
let hubEditor: User
let admin: User

const asUser = (user: User, locale?: string) => requestAs(payload, user, locale)

beforeAll(async () => {
  process.env.CLES_PUBLISHER_URL = 'http://127.0.0.1:9'
  cms = await startTempCms()
  payload = cms.payload
  hub = (await createTestSite(payload, 'hub', 'CLES')) as { id: number }
  await payload.update({ collection: 'sites', id: hub.id, data: { isHub: true } })
  marthe = (await createTestSite(payload, 'marthe', 'Maison de Marthe')) as { id: number }
  estrie = (await createTestSite(payload, 'estrie', 'CALACS Estrie')) as { id: number }
  frenchOnly = (await createTestSite(payload, 'francais', 'Site en français')) as { id: number }
  await payload.update({ collection: 'sites', id: frenchOnly.id, data: { languages: ['fr'] } })
  martheEditor = (await createStaff(payload, 'editor@marthe.example', marthe.id, 'site-editor')) as User
  // A CLES publisher without a network role: reads the hub and its own site only.
  hubEditor = (await createStaff(payload, 'editor@hub.example', hub.id, 'site-editor')) as User
  admin = (await payload.create({
    collection: 'users',
    data: { email: 'admin@guidance.example', password: 'a-long-password-1', globalRole: 'network-admin' },
  })) as User
})
afterAll(async () => cms?.close())

describe('Payload’s French, as the admin shows it', () => {
  const merged = (group: string, key: string) =>
    (translations.fr as Record<string, Record<string, string>>)[group]?.[key] ??
    (fr.translations as unknown as Record<string, Record<string, string>>)[group]![key]!

  it('has no « un(e) nouveau ou nouvelle », no inclusive (e) forms, and keeps every placeholder', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]))].sort()
    const bad: string[] = []
    for (const [group, keys] of Object.entries(fr.translations as unknown as Record<string, Record<string, string>>)) {
      for (const key of Object.keys(keys)) {
        const text = merged(group, key)
        const english = (en.translations as unknown as Record<string, Record<string, string>>)[group]?.[key]
        if (/\(e\)|\(s\)|nouveau ou nouvelle|il ou elle|le ou la /.test(text)) bad.push(`${group}:${key} → ${text}`)
        if (typeof english === 'string' && placeholders(english).join() !== placeholders(text).join()) bad.push(`${group}:${key} → ${text}`)
      }
    }
    expect(bad).toEqual([])
    expect(merged('general', 'createNewLabel')).toBe('Créer : {{label}}')
  })

  it('gives the SEO panel French labels, hints and strings, and the preview a generated address', () => {
    const fields = payload.collections.news.config.fields
    const meta = fields.find((f) => 'name' in f && f.name === 'meta') as { fields: Record<string, unknown>[] }
    const byName = (name: string) =>
      meta.fields.find((f) => f.name === name) as {
        label: (a: { i18n: { language: string } }) => string
        admin: { description?: { fr: string }; components: { Field: unknown } }
      }
    expect(byName('title').label({ i18n: { language: 'fr' } })).toBe('Titre pour les moteurs de recherche')
    expect(byName('image').label({ i18n: { language: 'fr' } })).toBe('Image de partage')
    expect(byName('image').admin.description?.fr).not.toMatch(/upload|MB/i)
    expect(byName('preview').admin.components.Field).toBe('@/components/SeoPreview#SeoPreview')
    const seoFr = (payload.config.i18n.translations as Record<string, Record<string, Record<string, string>>>).fr!['plugin-seo']!
    expect(seoFr.autoGenerate).toBe('Remplir automatiquement')
  })

  it('carries the network’s name and mark, not Payload’s', () => {
    const { admin: config } = payload.config
    expect(config.components.graphics?.Logo).toBe('@/components/Brand#Logo')
    expect(config.components.graphics?.Icon).toBe('@/components/Brand#Icon')
    const icons = config.meta.icons as { url: string }[]
    expect(icons.map((i) => i.url)).toEqual(['/cles-icon.svg'])
    const svg = readFileSync(path.resolve(import.meta.dirname, '../public/cles-icon.svg'), 'utf8')
    expect(svg).toContain('<title>Réseau CLES</title>')
    expect(config.meta.openGraph?.siteName).toBe('CMS du réseau CLES')
  })

  it('schedules publications in the network’s time zone, whatever the computer’s', () => {
    expect(payload.config.admin.timezones.defaultTimezone).toBe('America/Toronto')
    expect(payload.config.admin.timezones.supportedTimezones.map((z) => z.value)).toEqual(['America/Toronto'])
  })

  it('names every document by a field of its own (never « Sans titre - ID: n » for a whole collection)', () => {
    for (const collection of Object.values(payload.collections)) {
      if (collection.config.slug.startsWith('payload-')) continue
      expect(collection.config.admin.useAsTitle, collection.config.slug).not.toBe('id')
    }
  })
})

describe('relationship chips: a site the person cannot open is not listed', () => {
  let proposal: { id: number }
  let shared: { id: number }

  beforeAll(async () => {
    proposal = (await payload.create({
      collection: 'news',
      data: {
        title: 'Campagne du réseau',
        slug: 'campagne',
        publishedAt: '2026-11-01T12:00:00.000Z',
        originSite: hub.id,
        targetSites: [marthe.id, estrie.id],
        _status: 'published',
      },
    })) as { id: number }
    shared = (await payload.create({
      collection: 'resources',
      data: { name: 'Ligne partagée', category: 'help-line', sites: [marthe.id, estrie.id], reviewBy: '2030-01-01T00:00:00.000Z' },
    })) as { id: number }
  })

  it('a partner sees only their own site among the sites a CLES item is proposed to, or a resource is shown on', async () => {
    const req = await asUser(martheEditor)
    const news = await payload.findByID({ collection: 'news', id: proposal.id, overrideAccess: false, req, depth: 0 })
    expect(relationIds(news.targetSites)).toEqual([marthe.id])
    const populated = await payload.findByID({ collection: 'news', id: proposal.id, overrideAccess: false, req, depth: 1 })
    expect(populated.targetSites).toEqual([expect.objectContaining({ id: marthe.id, name: 'Maison de Marthe' })])
    const resource = await payload.findByID({ collection: 'resources', id: shared.id, overrideAccess: false, req, depth: 0 })
    expect(relationIds(resource.sites)).toEqual([marthe.id])
    // The same through the REST API (which passes no overrideAccess to hooks), drafts list and document.
    const { rest } = restClient(payload, 'a-long-password-1')
    const list = await rest('GET', `/news?draft=true&depth=0&where[targetSites][in]=${estrie.id}`, { user: martheEditor })
    expect((list.body.docs as { targetSites: unknown }[]).map((d) => relationIds(d.targetSites))).toEqual([[marthe.id]])
    const one = await rest('GET', `/resources/${shared.id}?depth=0`, { user: martheEditor })
    expect(relationIds(one.body.sites)).toEqual([marthe.id])
    // Named, not hidden, in the read-only « Sites qui la montrent » (site names are public).
    expect(resource.shownOn).toBe('Maison de Marthe, CALACS Estrie')
  })

  it('network staff and the system (Local API, hooks, exporter) see every site', async () => {
    const asAdmin = await payload.findByID({
      collection: 'news',
      id: proposal.id,
      overrideAccess: false,
      req: await asUser(admin),
      depth: 0,
    })
    expect(relationIds(asAdmin.targetSites)).toEqual([marthe.id, estrie.id])
    const system = await payload.findByID({ collection: 'news', id: proposal.id, depth: 0 })
    expect(relationIds(system.targetSites)).toEqual([marthe.id, estrie.id])
  })

  it('a save by someone shown part of the list keeps the sites they could not see', async () => {
    const req = await asUser(hubEditor)
    const seen = await payload.findByID({ collection: 'news', id: proposal.id, overrideAccess: false, req, depth: 0 })
    expect(relationIds(seen.targetSites)).toEqual([])
    // The admin sends back what it showed: no proposed site.
    await payload.update({
      collection: 'news',
      id: proposal.id,
      data: { title: 'Campagne du réseau (mise à jour)', targetSites: relationIds(seen.targetSites).map(Number) },
      overrideAccess: false,
      req,
    })
    const stored = await payload.findByID({ collection: 'news', id: proposal.id, depth: 0 })
    expect(stored.title).toBe('Campagne du réseau (mise à jour)')
    expect(relationIds(stored.targetSites)).toEqual([marthe.id, estrie.id])
  })
})

describe('the SEO preview shows the document’s address on its site', () => {
  const req = () => ({ payload }) as unknown as PayloadRequest

  it('an article: the origin site’s domain and the route table’s path, in English where the site offers it', async () => {
    const doc = { originSite: hub.id, slug: 'financement', title: 'Financement' }
    expect(await documentUrl({ req: req(), collectionSlug: 'news', doc, locale: 'fr' })).toBe('https://hub.example/actualites/financement/')
    expect(await documentUrl({ req: req(), collectionSlug: 'news', doc, locale: 'en' })).toBe('https://hub.example/en/news/financement/')
    const french = { ...doc, originSite: frenchOnly.id }
    expect(await documentUrl({ req: req(), collectionSlug: 'news', doc: french, locale: 'en' })).toBe(
      'https://francais.example/actualites/financement/',
    )
    // A new draft: the slug its French title will give.
    expect(await documentUrl({ req: req(), collectionSlug: 'news', doc: { originSite: hub.id, title: 'Été à Montréal' } })).toBe(
      'https://hub.example/actualites/ete-a-montreal/',
    )
  })

  it('a page: its path, or its parent’s path and its future slug before the first save', async () => {
    const parent = await payload.create({
      collection: 'pages',
      data: { title: 'Services', site: marthe.id, _status: 'published' } as never,
    })
    expect(parent.path).toBe('/services/')
    expect(await documentUrl({ req: req(), collectionSlug: 'pages', doc: { site: marthe.id, path: '/services/' } })).toBe(
      'https://marthe.example/services/',
    )
    expect(
      await documentUrl({ req: req(), collectionSlug: 'pages', doc: { site: marthe.id, parent: parent.id, title: 'Hébergement' } }),
    ).toBe('https://marthe.example/services/hebergement/')
    expect(await documentUrl({ req: req(), collectionSlug: 'categories', doc: {} })).toBe('')
  })
})

describe('lists: what to do first, and ready-made filters', () => {
  it('builds list addresses the « Filtres » panel reads back', () => {
    expect(listUrl('/admin', 'news', withoutEnglishWhere({ field: 'originSite', id: 3 }))).toBe(
      '/admin/collections/news?where[or][0][and][0][hasEnglish][not_equals]=true&where[or][0][and][1][originSite][equals]=3',
    )
    const review = listUrl('/admin', 'resources', resourcesToReviewWhere(new Date('2026-11-30T12:00:00.000Z')))
    expect(review).toBe(
      '/admin/collections/resources?where[or][0][and][0][reviewBy][less_than]=2026-11-30T12%3A00%3A00.000Z' +
        '&where[or][1][and][0][outdated][equals]=true',
    )
  })

  it('« Ressources à revoir »: review date passed or marked outdated, nothing else', async () => {
    const make = (name: string, reviewBy: string, outdated = false) =>
      payload.create({ collection: 'resources', data: { name, category: 'other', sites: [estrie.id], reviewBy, outdated } })
    const late = await make('En retard', '2020-01-01T00:00:00.000Z')
    const marked = await make('Périmée', '2031-01-01T00:00:00.000Z', true)
    await make('À jour', '2031-01-01T00:00:00.000Z')
    const { docs } = await payload.find({ collection: 'resources', where: resourcesToReviewWhere(), limit: 100, depth: 0 })
    expect(docs.map((d) => d.id).sort()).toEqual([late.id, marked.id].sort())
  })

  it('« Sans version anglaise »: French items with no English title, site by site', async () => {
    const withEnglish = await payload.create({
      collection: 'news',
      data: { title: 'Bilingue', slug: 'bilingue', publishedAt: '2026-11-01T12:00:00.000Z', originSite: marthe.id },
      locale: 'fr',
    })
    await payload.update({ collection: 'news', id: withEnglish.id, data: { title: 'Bilingual' }, locale: 'en' })
    const frenchOnlyItem = await payload.create({
      collection: 'news',
      data: { title: 'Seulement en français', slug: 'francais', publishedAt: '2026-11-01T12:00:00.000Z', originSite: marthe.id },
    })
    const without = async () =>
      (
        await payload.find({
          collection: 'news',
          where: withoutEnglishWhere({ field: 'originSite', id: marthe.id }),
          depth: 0,
          draft: true,
        })
      ).docs.map((d) => d.id)
    expect(await without()).toEqual([frenchOnlyItem.id])
    // A French save keeps the English version; emptying the English title removes it.
    await payload.update({ collection: 'news', id: withEnglish.id, data: { excerpt: 'Chapeau' }, locale: 'fr' })
    expect(await without()).toEqual([frenchOnlyItem.id])
    await payload.update({ collection: 'news', id: withEnglish.id, data: { title: ' ' }, locale: 'en' })
    expect((await without()).sort()).toEqual([withEnglish.id, frenchOnlyItem.id].sort())
    await payload.update({ collection: 'news', id: frenchOnlyItem.id, data: { title: 'Now in English' }, locale: 'en' })
    expect(await without()).toEqual([withEnglish.id])
  })

  it('an empty list says what to do first; the resources list links to those to review with their count', async () => {
    const render = async (slug: string, user: User, totalDocs: number, searchParams: Record<string, unknown> = {}) => {
      const element = await ListHelp({
        collectionConfig: { slug },
        data: { totalDocs },
        searchParams,
        i18n: { language: 'fr' },
        payload,
        user: { ...user, collection: 'users' } as PayloadRequest['user'],
      })
      return element ? renderToStaticMarkup(element) : ''
    }
    expect(await render('redirects', martheEditor, 0)).toContain('Aucune redirection.')
    expect(await render('redirects', martheEditor, 3)).toBe('')
    // Filtered to nothing is not « empty »: no first step then.
    expect(await render('redirects', martheEditor, 0, { search: 'x' })).toBe('')
    const resources = await render('resources', admin, 5)
    expect(resources).toContain('Ressources à revoir — date de vérification passée ou marquées périmées (2)')
    expect(resources).toContain('href="/admin/collections/resources?where[or][0][and][0][reviewBy][less_than]=')
    const news = await render('news', martheEditor, 4)
    expect(news).toContain('Sans version anglaise (une version anglaise est facultative)')
    expect(news).toContain(`>Maison de Marthe (`)
    expect(news).not.toContain('CALACS Estrie')
  })
})

describe('which language versions a document has', () => {
  it('French always; English once it has an English title (and, for a page, its own content); never required', () => {
    expect(languageStates('news', { title: { fr: 'Titre' } })).toEqual({ fr: 'done', en: 'none' })
    expect(languageStates('news', { title: { fr: 'Titre', en: 'Title' } })).toEqual({ fr: 'done', en: 'done' })
    expect(languageStates('pages', { title: { fr: 'Titre', en: 'Title' }, layout: { fr: [{}] } })).toEqual({ fr: 'done', en: 'titleOnly' })
    expect(languageStates('pages', { title: { fr: 'T', en: 'T' }, layout: { en: [{}] } })).toEqual({ fr: 'done', en: 'done' })
    expect(languageStates('news', { title: { fr: 'Titre' } }, ['fr'])).toEqual({ fr: 'done', en: 'notOffered' })
  })
})

describe('the public directory never shows a resource marked outdated', () => {
  it('leaves it out of the site’s snapshot until it is corrected', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cles-outdated-'))
    try {
      const base = { category: 'shelter' as const, sites: [frenchOnly.id], reviewBy: '2031-01-01T00:00:00.000Z' }
      await payload.create({ collection: 'resources', data: { ...base, name: 'Hébergement fiable' } })
      const stale = await payload.create({ collection: 'resources', data: { ...base, name: 'Hébergement fermé', outdated: true } })
      const names = async () => {
        await exportSnapshots(payload, { outDir: out, mediaDir: cms.mediaDir, only: ['francais'] })
        const snapshot = JSON.parse(readFileSync(path.join(out, 'francais.json'), 'utf8')) as { resources: { name: { fr: string } }[] }
        return snapshot.resources.map((r) => r.name.fr)
      }
      expect(await names()).toEqual(['Hébergement fiable'])
      await payload.update({ collection: 'resources', id: stale.id, data: { outdated: false } })
      expect(await names()).toEqual(['Hébergement fermé', 'Hébergement fiable'])
      expect(existsSync(path.join(out, 'francais.json'))).toBe(true)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('the site menu offers the site’s pages', () => {
  it('an entry pointing to a page takes its address, follows it when it moves, and waits for it to be published', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cles-menu-'))
    try {
      const published = await payload.create({
        collection: 'pages',
        data: { title: 'Nous joindre', site: frenchOnly.id, _status: 'published' } as never,
      })
      const draft = await payload.create({
        collection: 'pages',
        data: { title: 'Bientôt', site: frenchOnly.id, _status: 'draft' } as never,
      })
      const site = await payload.update({
        collection: 'sites',
        id: frenchOnly.id,
        data: {
          headerMenu: [
            { label: 'Nous joindre', page: published.id },
            { label: 'Bientôt', page: draft.id },
            { label: 'Météo', url: 'https://meteo.gc.ca/' },
          ],
        },
      })
      // The address is filled in from the page.
      expect(site.headerMenu?.map((row) => row.url)).toEqual(['/nous-joindre/', '/bientot/', 'https://meteo.gc.ca/'])
      const menu = async () => {
        await exportSnapshots(payload, { outDir: out, mediaDir: cms.mediaDir, only: ['francais'] })
        const snapshot = JSON.parse(readFileSync(path.join(out, 'francais.json'), 'utf8')) as {
          site: { headerMenu: { label: { fr: string }; url: string }[] }
        }
        return snapshot.site.headerMenu.map((link) => `${link.label.fr} ${link.url}`)
      }
      // The draft page is not linked until it is published.
      expect(await menu()).toEqual(['Nous joindre /nous-joindre/', 'Météo https://meteo.gc.ca/'])
      await payload.update({ collection: 'pages', id: published.id, data: { slug: 'contact' } })
      await payload.update({ collection: 'pages', id: draft.id, data: { _status: 'published' } })
      expect(await menu()).toEqual(['Nous joindre /contact/', 'Bientôt /bientot/', 'Météo https://meteo.gc.ca/'])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('offers only the pages of the site being edited, and refuses an entry with neither a page nor an address', async () => {
    const sites = payload.collections.sites.config.flattenedFields
    const header = sites.find((f) => f.name === 'headerMenu') as unknown as {
      fields: { name: string; filterOptions?: (a: { id?: number }) => unknown }[]
    }
    const picker = header.fields.find((f) => f.name === 'page')!
    expect(picker.filterOptions!({ id: marthe.id })).toEqual({ site: { equals: marthe.id } })
    expect(picker.filterOptions!({})).toBe(false)
    await expect(
      payload.update({ collection: 'sites', id: marthe.id, data: { headerMenu: [{ label: 'Vide', url: '' }] } }),
    ).rejects.toThrow(/Menu d’en-tête|Adresse/)
  })
})

describe('blocks in a page layout', () => {
  it('are named after their content, and the chooser shows a picture of each, served by the CMS', () => {
    expect(clip('  Nos heures\n d’ouverture ')).toBe('Nos heures d’ouverture')
    expect(clip('x'.repeat(100))).toHaveLength(70)
    const layout = payload.collections.pages.config.flattenedFields.find((f) => f.name === 'layout') as unknown as {
      blocks: {
        slug: string
        labels: { singular: { fr: string } }
        imageURL?: string
        imageAltText?: string
        admin?: { disableBlockName?: boolean; components?: { Label?: { path: string; clientProps: { blockLabel: { fr: string } } } } }
      }[]
    }
    for (const block of layout.blocks) {
      // A client component: it gets only its block's name (never the server's objects), and reads the row on screen.
      expect(block.admin?.components?.Label?.path, block.slug).toBe('@/components/BlockLabel#BlockLabel')
      expect(block.admin?.components?.Label?.clientProps.blockLabel.fr, block.slug).toBe(block.labels.singular.fr)
      expect(block.admin?.disableBlockName, block.slug).toBe(true)
      expect(block.imageAltText, block.slug).toBeTruthy()
      const svg = readFileSync(path.resolve(import.meta.dirname, '../public', `.${block.imageURL!}`), 'utf8')
      expect(svg, block.slug).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
      expect(svg, block.slug).not.toMatch(/<script|on\w+=|href=/i)
    }
  })
})
