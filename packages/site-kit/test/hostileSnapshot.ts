// A copy of the fixture where the cles snapshot carries hostile text in every
// new field (pages, blocks, resources, help lines, categories) plus CMS pages
// at paths the kit or a local file owns. Built once by the global setup.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SiteSnapshot } from '@cles/content'

export const HOSTILE = {
  pageTitle: '<script>alert("titre")</script> Nos services',
  question: '<img src=x onerror=alert(1)> Une question ?',
  answer: '</details><script>alert(2)</script>',
  resourceName: '<script>alert(3)</script> Ressource',
  description: '" onmouseover="alert(4)',
  helpLine: '<svg onload=alert(5)>',
  category: '<script>alert(6)</script> Catégorie',
  ctaLabel: '<b onclick="alert(7)">Nous joindre</b>',
  imageAlt: '"><script>alert(8)</script>',
  rtlTitle: 'مرحبا بكم — שלום — Bienvenue',
  longWord: 'Anticonstitutionnellement'.repeat(12),
  /** Rich text a hand-edited snapshot (or an exporter bug) could carry: the kit must sanitise it. */
  body: '<p onclick="alert(11)">clic</p><script>alert(10)</script><a href="javascript:alert(12)">lien piégé</a> <a href="//evil.example/">lien externe implicite</a><img src=x onerror=alert(13)><iframe src="https://evil.example/"></iframe><p style="position:fixed">texte</p>',
}

/** Snapshot media names of a corrupt file and of a file that is not there. */
export const BROKEN_IMAGE = `media/${'0'.repeat(64)}.jpg`
export const MISSING_IMAGE = `media/${'1'.repeat(64)}.jpg`

export function writeHostileFixture(from: string, to: string): void {
  cpSync(from, to, { recursive: true })
  const file = join(to, 'cles.json')
  const snap = JSON.parse(readFileSync(file, 'utf8')) as SiteSnapshot
  const page = snap.pages.find((p) => p.path === '/services/')!
  page.title.fr = HOSTILE.pageTitle
  page.blocks.fr.push(
    { type: 'faq', items: [{ question: HOSTILE.question, answer: HOSTILE.answer }] },
    { type: 'callToAction', text: HOSTILE.description, links: [{ label: HOSTILE.ctaLabel, url: '/ressources/' }] },
  )
  snap.resources[0]!.name.fr = HOSTILE.resourceName
  snap.resources[0]!.description.fr = HOSTILE.description
  snap.site.helpLines[0]!.label.fr = HOSTILE.helpLine
  snap.categories[0]!.title.fr = HOSTILE.category
  // Broken images: corrupt bytes, a missing file, a marker with no image; and a hostile alt text.
  writeFileSync(join(to, BROKEN_IMAGE), 'pas une image')
  const image = (file: string) => ({
    file,
    mimeType: 'image/jpeg',
    width: 10,
    height: 10,
    alt: { fr: HOSTILE.imageAlt },
    focalX: 50,
    focalY: 50,
  })
  const [corrupt, missing, withAlt] = snap.news
  corrupt!.hero = image(BROKEN_IMAGE)
  corrupt!.html.fr += '<!--cles-image:7-->'
  missing!.hero = image(MISSING_IMAGE)
  const valid = snap.news.find((a) => a.hero && a !== corrupt && a !== missing)!.hero!
  withAlt!.hero = { ...valid, alt: { fr: HOSTILE.imageAlt } }
  // Right-to-left text, a very long word and hostile markup inside the rich text.
  const rtl = snap.news[3]!
  rtl.title.fr = HOSTILE.rtlTitle
  rtl.html.fr = `<p>${HOSTILE.longWord}</p>${HOSTILE.body}`
  // Pages that would take URLs the site already uses: left out, never served.
  snap.pages.push(
    { ...page, id: 'pris-1', slug: 'actualites', path: '/actualites/', parentId: null, title: { fr: 'Page qui prendrait les actualités' } },
    { ...page, id: 'pris-2', slug: 'a-propos', path: '/a-propos/', parentId: null, title: { fr: 'Page qui prendrait À propos' } },
  )
  writeFileSync(file, JSON.stringify(snap))
}

/** The hostile cles snapshot as written next to the build (`<build>/hostile-snapshot`). */
export const snapshotOf = (hostileDir: string): SiteSnapshot =>
  JSON.parse(readFileSync(join(hostileDir, '..', 'hostile-snapshot', 'cles.json'), 'utf8'))
