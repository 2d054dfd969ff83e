// @ts-check
import mdx from '@astrojs/mdx'
import clesSiteKit from '@cles/site-kit'
import { defineConfig } from 'astro/config'

// CALACS de l'Outaouais: everything shared comes from the site kit and the snapshot.
export default defineConfig({
  integrations: [
    clesSiteKit({
      site: 'calacs-outaouais',
      localPages: [{ href: '/a-propos/', label: 'À propos' }],
    }),
    mdx(),
  ],
})
