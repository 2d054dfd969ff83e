import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CMS_SECURITY_HEADERS, PREVIEW_PAGE_HEADERS, PREVIEW_PAGE_PATH } from './src/lib/securityHeaders'
import { MAX_UPLOAD_REQUEST_BYTES } from './src/lib/uploadLimit'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Uploads up to the limit pass the request proxy whole (Next cuts bodies at 10 MB by default).
  experimental: { proxyClientMaxBodySize: MAX_UPLOAD_REQUEST_BYTES },
  // The admin and the API are never framed (clickjacking) and never sniffed
  // into another content type (src/lib/securityHeaders.ts; the production proxy samples repeat them),
  // but for the draft preview page, which the admin's live preview frames (same origin only).
  headers: async () => [
    { source: `/:path((?!${PREVIEW_PAGE_PATH.slice(1)}).*)`, headers: [...CMS_SECURITY_HEADERS] },
    { source: `${PREVIEW_PAGE_PATH}:path*`, headers: [...PREVIEW_PAGE_HEADERS] },
  ],
  // Workspace packages are TypeScript sources; let Next compile them.
  transpilePackages: ['@cles/content'],
  turbopack: { root: path.resolve(dirname, '..') },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
