export { collections } from '@cles/site-kit/content'
