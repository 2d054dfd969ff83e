// The kit's virtual modules (config, brand and font CSS, media imports), made
// from the snapshot when the site's config is set up.
import { BRAND_ID, CONFIG_ID, FONT_ID, FONT_PRELOAD_ID, type KitRuntimeConfig } from '../virtual.ts'
import { brandCss } from '../brand.ts'
import { fontCss, fontPreloadModule } from '../fonts.ts'
import { MEDIA_ID } from '../images/mediaModule.ts'

export function virtualModulesPlugin(state: { runtime: () => KitRuntimeConfig; mediaSource: () => string }) {
  const sources: Record<string, () => string> = {
    [CONFIG_ID]: () => `export default ${JSON.stringify(state.runtime())}`,
    [BRAND_ID]: () => brandCss(state.runtime().site.brand),
    [MEDIA_ID]: state.mediaSource,
    [FONT_ID]: () => fontCss(state.runtime().site.brand.font),
    [FONT_PRELOAD_ID]: () => fontPreloadModule(state.runtime().site.brand.font),
  }
  return {
    name: 'cles-site-kit-virtual',
    resolveId(id: string) {
      return id in sources ? `\0${id}` : undefined
    },
    load(id: string) {
      return id.startsWith('\0') ? sources[id.slice(1)]?.() : undefined
    },
  }
}
