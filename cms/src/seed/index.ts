// Idempotent demo seed: creates what is missing, never overwrites what editors changed.
import type { Payload } from 'payload'
import { demoImage } from './images'
import { seedNews, type SeedNews } from './news'
import { seedSites } from './sites'
import { seedUsers } from './users'

export interface SeedOptions {
  password: string
  log?: (message: string) => void
}

export interface SeedReport {
  created: Record<'sites' | 'users' | 'media' | 'news', number>
}

// The seed is a system process, not a user acting: it runs with access control off.
const system = { overrideAccess: true } as const

const IMAGE_ALTS = [
  { fr: 'Illustration abstraite : cercles violets sur fond prune.', en: 'Abstract illustration: purple circles on a plum background.' },
  { fr: 'Illustration abstraite : formes douces vert sarcelle.', en: 'Abstract illustration: soft teal shapes.' },
  { fr: 'Illustration abstraite : vague bleue sur fond marine.', en: 'Abstract illustration: blue wave on a navy background.' },
]
const IMAGE_COLOURS: [string, string][] = [
  ['#5b2a86', '#c9a3e6'],
  ['#1f5f5b', '#9fd6cf'],
  ['#1e3a5f', '#7fb2e5'],
]

export async function seed(payload: Payload, { password, log = () => {} }: SeedOptions): Promise<SeedReport> {
  const report: SeedReport = { created: { sites: 0, users: 0, media: 0, news: 0 } }

  const siteIds = new Map<string, string | number>()
  for (const site of seedSites) {
    const found = await payload.find({ ...system, collection: 'sites', where: { slug: { equals: site.slug } }, limit: 1 })
    if (found.docs[0]) {
      siteIds.set(site.slug, found.docs[0].id)
      continue
    }
    const doc = await payload.create({
      ...system,
      collection: 'sites',
      locale: 'fr',
      data: { name: site.name, slug: site.slug, domain: site.domain, isHub: site.isHub, tagline: site.tagline.fr, brand: site.brand },
    })
    await payload.update({ ...system, collection: 'sites', id: doc.id, locale: 'en', data: { tagline: site.tagline.en } })
    siteIds.set(site.slug, doc.id)
    report.created.sites++
  }
  log(`sites : ${report.created.sites} créé(s), ${seedSites.length - report.created.sites} déjà présent(s)`)

  for (const user of seedUsers) {
    const found = await payload.find({ ...system, collection: 'users', where: { email: { equals: user.email } }, limit: 1 })
    if (found.docs[0]) continue
    await payload.create({
      ...system,
      collection: 'users',
      data: {
        email: user.email,
        password,
        name: user.name,
        globalRole: user.globalRole,
        memberships: user.memberships.map((m) => ({ site: siteIds.get(m.site) as number, role: m.role })),
      },
    })
    report.created.users++
  }
  log(`comptes : ${report.created.users} créé(s)`)

  const mediaIds: (string | number)[] = []
  for (const [index, alt] of IMAGE_ALTS.entries()) {
    const filename = `illustration-demo-${index + 1}.jpg`
    const found = await payload.find({ ...system, collection: 'media', where: { filename: { equals: filename } }, limit: 1 })
    if (found.docs[0]) {
      mediaIds.push(found.docs[0].id)
      continue
    }
    const data = await demoImage(IMAGE_COLOURS[index]!, index)
    const doc = await payload.create({
      ...system,
      collection: 'media',
      locale: 'fr',
      data: { alt: alt.fr, credit: 'Illustration générée pour la démonstration' },
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
    })
    await payload.update({ ...system, collection: 'media', id: doc.id, locale: 'en', data: { alt: alt.en } })
    mediaIds.push(doc.id)
    report.created.media++
  }
  log(`médias : ${report.created.media} créé(s)`)

  const items = seedNews()
  for (const item of items) {
    const origin = siteIds.get(item.origin)!
    const found = await payload.find({
      ...system,
      collection: 'news',
      draft: true,
      where: { and: [{ slug: { equals: item.slug } }, { originSite: { equals: origin } }] },
      limit: 1,
    })
    if (found.docs[0]) continue
    const draft = item.status === 'draft'
    const doc = await payload.create({
      ...system,
      collection: 'news',
      locale: 'fr',
      draft,
      data: {
        ...(item.fr as Omit<SeedNews['fr'], 'body'> & { body: never }),
        slug: item.slug,
        publishedAt: item.publishedAt,
        originSite: origin as number,
        targetSites: item.targets.map((s) => siteIds.get(s) as number),
        hero: item.image === undefined ? undefined : (mediaIds[item.image] as number),
        _status: item.status,
      },
    })
    if (item.en) {
      await payload.update({ ...system, collection: 'news', id: doc.id, locale: 'en', draft, data: { ...(item.en as Omit<SeedNews['fr'], 'body'> & { body: never }), _status: item.status } })
    }
    report.created.news++
  }
  log(`actualités : ${report.created.news} créée(s), ${items.length - report.created.news} déjà présente(s)`)
  return report
}
