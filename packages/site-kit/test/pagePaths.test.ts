// The catch-all route for CMS pages never takes a URL of the kit or of a local file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SnapshotPage } from '@cles/content'
import { ancestorsOf, childrenOf, localPagePaths, servablePages } from '../src/pagePaths.ts'
import { telHref } from '../src/phone.ts'

const page = (id: string, path: string, parentId: string | null = null): SnapshotPage => ({
  id,
  slug: path.split('/').at(-2)!,
  path,
  parentId,
  title: { fr: id },
  locales: ['fr'],
  blocks: { fr: [] },
  seo: { title: { fr: '' }, description: { fr: '' }, image: null },
})

describe('servablePages', () => {
  it('leaves out pages whose path belongs to the kit or to a local page, and says why in French', () => {
    const pages = [
      page('1', '/services/'),
      page('2', '/actualites/'),
      page('3', '/ressources/aide/'),
      page('4', '/a-propos/'),
      page('5', '/reseau/'),
      page('6', '/a-propos/equipe/'),
    ]
    const { served, skipped } = servablePages(pages, ['/', '/a-propos/'])
    expect(served.map((p) => p.path)).toEqual(['/services/', '/a-propos/equipe/'])
    expect(skipped.map((s) => s.page.path)).toEqual(['/actualites/', '/ressources/aide/', '/a-propos/', '/reseau/'])
    expect(skipped[0]!.reason).toBe('l’adresse /actualites/ est réservée au site')
    expect(skipped[2]!.reason).toContain('une page locale du site utilise déjà /a-propos/')
    // The search page and Pagefind's files are the kit's too.
    expect(servablePages([page('7', '/recherche/'), page('8', '/pagefind/x/')], []).served).toEqual([])
  })

  it('finds the static pages of a site folder, not the dynamic ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cles-pages-'))
    mkdirSync(join(dir, 'equipe'))
    for (const file of ['index.astro', 'a-propos.mdx', 'equipe/index.md', 'equipe/[nom].astro', 'notes.txt'])
      writeFileSync(join(dir, file), '')
    expect(localPagePaths(dir)).toEqual(['/', '/a-propos/', '/equipe/'])
    expect(localPagePaths(join(dir, 'absent'))).toEqual([])
  })

  it('builds the breadcrumb trail from the parents, and stops on a loop', () => {
    const pages = [page('1', '/a/'), page('2', '/a/b/', '1'), page('3', '/a/b/c/', '2')]
    expect(ancestorsOf(pages[2]!, pages).map((p) => p.id)).toEqual(['1', '2'])
    const loop = [page('1', '/x/', '2'), page('2', '/x/y/', '1')]
    expect(ancestorsOf(loop[1]!, loop).map((p) => p.id)).toEqual(['1'])
  })
})

describe('childrenOf', () => {
  it('lists the pages directly under a page, in French alphabetical order, never itself or grandchildren', () => {
    const pages = [
      page('1', '/services/'),
      page('Écoute', '/services/ecoute/', '1'),
      page('Accueil', '/services/accueil/', '1'),
      page('4', '/services/accueil/soir/', '3'),
      page('5', '/autre/'),
    ]
    pages[2]!.id = '3'
    expect(childrenOf(pages[0]!, pages).map((p) => p.path)).toEqual(['/services/accueil/', '/services/ecoute/'])
    expect(childrenOf(pages[4]!, pages)).toEqual([])
    const self = page('9', '/x/', '9')
    expect(childrenOf(self, [self])).toEqual([])
  })
})

describe('telHref', () => {
  it('keeps digits (and a leading +) of a phone number as written by editors', () => {
    expect(telHref('1 888 933-9007')).toBe('tel:18889339007')
    expect(telHref('+1 (514) 555-0100')).toBe('tel:+15145550100')
    expect(telHref('555-0101 (démo)')).toBe('tel:5550101')
    expect(telHref('sur demande')).toBeNull()
  })
})
