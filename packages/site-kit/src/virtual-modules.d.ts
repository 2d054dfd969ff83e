/// <reference types="astro/client" />
// The kit's virtual modules. Also injected into every site as is (see index.ts).
declare module 'virtual:cles/config' {
  import type { KitRuntimeConfig } from '@cles/site-kit/virtual'
  const config: KitRuntimeConfig
  export default config
}
declare module 'virtual:cles/brand.css' {}
declare module 'virtual:cles/media' {
  import type { ImageMetadata } from 'astro'
  const media: Record<string, ImageMetadata>
  export default media
}
declare module 'virtual:cles/font.css' {}
declare module 'virtual:cles/font-preload' {
  const urls: string[]
  export default urls
}
