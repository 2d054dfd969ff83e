// @ts-check
import mdx from '@astrojs/mdx'
import clesSiteKit from '@cles/site-kit'
import { defineConfig } from 'astro/config'

// La Maison de Marthe: everything shared comes from the site kit and the snapshot.
export default defineConfig({
  integrations: [
    clesSiteKit({
      site: 'maison-de-marthe',
      localPages: [{ href: '/a-propos/', label: 'À propos' }],
    }),
    mdx(),
  ],
})
