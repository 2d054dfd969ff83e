// @ts-check
import mdx from '@astrojs/mdx'
import clesSiteKit from '@cles/site-kit'
import { defineConfig } from 'astro/config'

// Concertation des luttes contre l'exploitation sexuelle: everything shared comes from the site kit and the snapshot.
export default defineConfig({
  integrations: [
    clesSiteKit({
      site: 'cles',
      localPages: [{ href: '/a-propos/', label: 'À propos' }],
    }),
    mdx(),
  ],
})
