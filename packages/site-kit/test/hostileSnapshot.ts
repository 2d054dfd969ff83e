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
}

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
  // Pages that would take URLs the site already uses: left out, never served.
  snap.pages.push(
    { ...page, id: 'pris-1', slug: 'actualites', path: '/actualites/', parentId: null, title: { fr: 'Page qui prendrait les actualités' } },
    { ...page, id: 'pris-2', slug: 'a-propos', path: '/a-propos/', parentId: null, title: { fr: 'Page qui prendrait À propos' } },
  )
  writeFileSync(file, JSON.stringify(snap))
}
