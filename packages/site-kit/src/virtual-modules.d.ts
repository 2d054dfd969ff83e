declare module 'virtual:cles/config' {
  const config: import('./virtual.ts').KitRuntimeConfig
  export default config
}
declare module 'virtual:cles/brand.css' {}
