// The house style already used across the tree: no semicolons, single quotes,
// wide lines (French messages are long), trailing commas.
// Resolved here, not from each package, so packages need only this config.
const astroPlugin = import.meta.resolve('prettier-plugin-astro')

export default {
  semi: false,
  singleQuote: true,
  printWidth: 140,
  trailingComma: 'all',
  plugins: [astroPlugin],
  overrides: [{ files: '*.astro', options: { parser: 'astro' } }],
}
