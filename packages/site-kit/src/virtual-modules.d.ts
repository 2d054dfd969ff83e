/// <reference types="astro/client" />
declare module 'virtual:cles/config' {
  const config: import('./virtual.ts').KitRuntimeConfig
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
