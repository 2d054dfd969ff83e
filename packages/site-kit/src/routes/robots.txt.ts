// robots.txt: everything may be indexed; points crawlers to the sitemap that
// @astrojs/sitemap writes (absolute URL, as the robots.txt standard requires).
import type { APIRoute } from 'astro'

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('sitemap-index.xml', site).href
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
