/// <reference types="astro/client" />
// The kit's virtual modules. Also injected into every site as is (see index.ts).
declare module 'virtual:cles/config' {
  const config: import('@cles/site-kit/virtual').KitRuntimeConfig
  export default config
}
declare module 'virtual:cles/brand.css' {}
declare module 'virtual:cles/media' {
  const media: Record<string, import('astro').ImageMetadata>
  export default media
}
declare module 'virtual:cles/font.css' {}
declare module 'virtual:cles/font-preload' {
  const urls: string[]
  export default urls
}
