// Production hosting of the releases (see deploy/README.md).
export { headerPlan } from './headers.mjs'
export { cacheControlFor, contentTypeFor, IMMUTABLE, IMMUTABLE_PREFIXES, REVALIDATE } from './policy.mjs'
export { nginxSiteConfig, writeNginxRedirects, NGINX_TEMPLATE } from './nginx.mjs'
export { caddySiteConfig, redirectsToCaddy } from './caddy.mjs'
export { syncReleaseToS3, HASH_METADATA } from './s3.mjs'
