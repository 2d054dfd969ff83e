// Idempotent demo seed: creates what is missing, never overwrites what editors changed.
import { routePath } from '@cles/content/routes'
import type { Payload } from 'payload'
import { createBilingual } from './bilingual'
import { categoryOfTopic, seedCategories, seedPages, seedResources } from './content'
import { demoImage, demoLogo } from './images'
import { seedNews, type SeedNews } from './news'
import { demoContact, seedSites, sharedHelpLines } from './sites'
import { loose, system } from './system'
import { seedUsers } from './users'

export interface SeedOptions {
  password: string
  log?: (message: string) => void
}

type Counted = 'sites' | 'users' | 'media' | 'news' | 'decisions' | 'pages' | 'resources' | 'categories' | 'redirects'
export interface SeedReport {
  created: Record<Counted, number>
}

type Id = number | string

const IMAGE_ALTS = [
  {
    fr: 'Illustration abstraite : cercles clairs sur fond de couleur.',
    en: 'Abstract illustration: light circles on a coloured background.',
  },
  { fr: 'Illustration abstraite : formes douces superposées.', en: 'Abstract illustration: soft overlapping shapes.' },
  { fr: 'Illustration abstraite : une vague sur fond uni.', en: 'Abstract illustration: a wave on a plain background.' },
]
/** Where each demo image's main shape is, in % (the CMS focal point): crops keep it in view. */
const IMAGE_FOCUS = [
  { focalX: 75, focalY: 37 },
  { focalX: 32, focalY: 49 },
  { focalX: 22, focalY: 30 },
]
const IMAGE_COLOURS: [string, string][] = [
  ['#5b2a86', '#c9a3e6'],
  ['#1f5f5b', '#9fd6cf'],
  ['#1e3a5f', '#7fb2e5'],
]

async function findOne(payload: Payload, collection: string, where: Record<string, unknown>, draft = false) {
  const found = await payload.find({ ...system, collection: collection as 'news', where: where as never, limit: 1, depth: 0, draft })
  return found.docs[0] as unknown as ({ id: Id } & Record<string, unknown>) | undefined
}

export async function seed(payload: Payload, { password, log = () => {} }: SeedOptions): Promise<SeedReport> {
  const created: SeedReport['created'] = {
    sites: 0,
    users: 0,
    media: 0,
    news: 0,
    decisions: 0,
    pages: 0,
    resources: 0,
    categories: 0,
    redirects: 0,
  }

  const categoryIds = new Map<string, Id>()
  for (const category of seedCategories) {
    const found = await findOne(payload, 'categories', { slug: { equals: category.slug } })
    if (found) {
      categoryIds.set(category.slug, found.id)
      continue
    }
    const doc = await createBilingual(payload, {
      collection: 'categories',
      fr: { title: category.fr, slug: category.slug },
      en: { title: category.en },
    })
    categoryIds.set(category.slug, doc.id)
    created.categories++
  }

  const siteIds = new Map<string, Id>()
  for (const site of seedSites) {
    const found = await findOne(payload, 'sites', { slug: { equals: site.slug } })
    if (found) {
      siteIds.set(site.slug, found.id)
      continue
    }
    const contact = demoContact(site.name)
    const doc = await createBilingual(payload, {
      collection: 'sites',
      fr: loose({
        name: site.name,
        slug: site.slug,
        domain: site.domain,
        isHub: site.isHub,
        tagline: site.tagline.fr,
        brand: site.brand,
        font: site.font,
        exitUrl: 'https://meteo.gc.ca/',
        languages: ['fr', 'en'],
        contact: { ...contact, note: contact.note.fr },
        helpLines: sharedHelpLines.map((h) => ({ label: h.label.fr, phone: h.phone, hours: h.hours.fr })),
        headerMenu: [{ label: 'Nos services', url: '/services/' }],
        footerMenu: [{ label: 'Naviguer en sécurité', url: routePath('safety') }],
        seo: { description: site.tagline.fr },
      }),
      // Same rows as in French (same ids), English labels.
      en: (created) =>
        loose({
          tagline: site.tagline.en,
          contact: { note: contact.note.en },
          helpLines: (created.helpLines ?? []).map((row, i) => {
            const { label, hours } = sharedHelpLines[i]!
            return { id: row.id, label: label.en, hours: hours.en, phone: row.phone }
          }),
          headerMenu: (created.headerMenu ?? []).map((row) => ({ id: row.id, label: 'Our services', url: row.url })),
          footerMenu: (created.footerMenu ?? []).map((row) => ({ id: row.id, label: 'Browsing safely', url: row.url })),
          seo: { description: site.tagline.en },
        }),
    })
    siteIds.set(site.slug, doc.id)
    created.sites++
  }

  const userIds = new Map<string, Id>()
  for (const user of seedUsers) {
    const found = await findOne(payload, 'users', { email: { equals: user.email } })
    if (found) {
      userIds.set(user.email, found.id)
      continue
    }
    const doc = await payload.create({
      ...system,
      collection: 'users',
      data: loose({
        email: user.email,
        password,
        name: user.name,
        globalRole: user.globalRole,
        memberships: user.memberships.map((m) => ({ site: siteIds.get(m.site), role: m.role })),
      }),
    })
    userIds.set(user.email, doc.id)
    created.users++
  }

  // Each site owns its copies of the demo images; identical bytes are stored once in snapshots.
  const mediaIds = new Map<string, Id[]>()
  for (const site of seedSites) {
    const ids: Id[] = []
    for (const [index, alt] of IMAGE_ALTS.entries()) {
      const filename = `${site.slug}-illustration-${index + 1}.jpg`
      const found = await findOne(payload, 'media', { filename: { equals: filename } })
      if (found) {
        ids.push(found.id)
        continue
      }
      const data = await demoImage(IMAGE_COLOURS[index]!, index)
      const doc = await createBilingual(payload, {
        collection: 'media',
        fr: loose({
          alt: alt.fr,
          credit: 'Illustration générée pour la démonstration',
          site: siteIds.get(site.slug),
          ...IMAGE_FOCUS[index],
        }),
        en: { alt: alt.en },
        file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      })
      ids.push(doc.id)
      created.media++
    }
    mediaIds.set(site.slug, ids)
    if (await seedLogo(payload, site, siteIds.get(site.slug)!)) created.media++
  }

  const newsIds = new Map<string, Id>()
  for (const item of seedNews()) {
    const id = await seedOneNews(payload, item, { siteIds, mediaIds, categoryIds })
    if (id.created) created.news++
    newsIds.set(`${item.origin}/${item.slug}`, id.id)
    for (const [siteSlug, decision] of Object.entries(item.decisions ?? {})) {
      const site = siteIds.get(siteSlug)!
      if (await findOne(payload, 'syndication-decisions', { and: [{ news: { equals: id.id } }, { site: { equals: site } }] })) continue
      const admin = await payload.findByID({ ...system, collection: 'users', id: userIds.get(`admin@${siteSlug}.example`)! })
      // The decision is recorded as made by the partner's admin.
      await payload.create({ ...system, user: admin, collection: 'syndication-decisions', data: loose({ news: id.id, site, decision }) })
      created.decisions++
    }
  }

  for (const site of seedSites) {
    const pageIds = new Map<string, Id>()
    for (const page of seedPages) {
      const found = await findOne(
        payload,
        'pages',
        { and: [{ slug: { equals: page.slug } }, { site: { equals: siteIds.get(site.slug) } }] },
        true,
      )
      if (found) {
        pageIds.set(page.slug, found.id)
        continue
      }
      const doc = await createBilingual(payload, {
        collection: 'pages',
        fr: loose({
          title: page.title.fr,
          slug: page.slug,
          site: siteIds.get(site.slug),
          parent: page.parent ? pageIds.get(page.parent) : undefined,
          layout: page.layout({
            image: (i) => mediaIds.get(site.slug)![i]!,
            fundingNews: newsIds.get('cles/financement-recurrent-aide-sortie-prostitution')!,
          }),
          _status: 'published',
        }),
        en: page.title.en ? loose({ title: page.title.en, _status: 'published' }) : undefined,
      })
      pageIds.set(page.slug, doc.id)
      created.pages++
    }
    if (
      !(await findOne(payload, 'redirects', { and: [{ from: { equals: '/nouvelles/' } }, { site: { equals: siteIds.get(site.slug) } }] }))
    ) {
      await payload.create({
        ...system,
        collection: 'redirects',
        data: loose({ from: '/nouvelles/', to: routePath('news'), site: siteIds.get(site.slug) }),
      })
      created.redirects++
    }
  }

  const today = Date.now()
  for (const resource of seedResources) {
    if (await findOne(payload, 'resources', { 'name.fr': { equals: resource.name.fr } })) continue
    const sites = resource.sites === 'all' ? [...siteIds.values()] : resource.sites.map((s) => siteIds.get(s))
    await createBilingual(payload, {
      collection: 'resources',
      fr: loose({
        name: resource.name.fr,
        category: resource.category,
        description: resource.description.fr,
        phone: resource.phone,
        website: resource.website,
        regions: resource.regions,
        hours: resource.hours?.fr,
        sites,
        reviewBy: new Date(today + resource.reviewInDays * 86_400_000).toISOString().slice(0, 10),
      }),
      en: loose({ name: resource.name.en, description: resource.description.en, hours: resource.hours?.en }),
    })
    created.resources++
  }

  log(
    Object.entries(created)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') + ' (créés ; le reste existait déjà)',
  )
  return { created }
}

/** The site's logo, once: a media item of the site, set in its brand settings. */
async function seedLogo(payload: Payload, site: (typeof seedSites)[number], siteId: Id): Promise<boolean> {
  const filename = `${site.slug}-logo.png`
  if (await findOne(payload, 'media', { filename: { equals: filename } })) return false
  const data = await demoLogo(site.brand.primary)
  const logo = await createBilingual(payload, {
    collection: 'media',
    fr: loose({ alt: `Logo : ${site.name}`, site: siteId }),
    en: { alt: `Logo: ${site.name}` },
    file: { data, mimetype: 'image/png', name: filename, size: data.length },
  })
  await payload.update({ ...system, collection: 'sites', id: siteId, data: loose({ logo: logo.id }) })
  return true
}

async function seedOneNews(
  payload: Payload,
  item: SeedNews,
  refs: { siteIds: Map<string, Id>; mediaIds: Map<string, Id[]>; categoryIds: Map<string, Id> },
): Promise<{ id: Id; created: boolean }> {
  const origin = refs.siteIds.get(item.origin)!
  const found = await findOne(payload, 'news', { and: [{ slug: { equals: item.slug } }, { originSite: { equals: origin } }] }, true)
  if (found) return { id: found.id, created: false }
  const draft = item.status === 'draft'
  const category = categoryOfTopic[item.slug]
  const doc = await createBilingual(payload, {
    collection: 'news',
    draft,
    fr: loose({
      ...item.fr,
      slug: item.slug,
      publishedAt: item.publishedAt,
      originSite: origin,
      targetSites: item.targets.map((s) => refs.siteIds.get(s)),
      hero: item.image === undefined ? undefined : refs.mediaIds.get(item.origin)![item.image],
      categories: category ? [refs.categoryIds.get(category)] : [],
      _status: item.status,
    }),
    en: item.en ? loose({ ...item.en, _status: item.status }) : undefined,
  })
  return { id: doc.id, created: true }
}
