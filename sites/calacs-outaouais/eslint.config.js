export { default } from '@cles/eslint-config'
