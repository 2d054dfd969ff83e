import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAX_UPLOAD_REQUEST_BYTES } from './src/lib/uploadLimit'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Uploads up to the limit pass the request proxy whole (Next cuts bodies at 10 MB by default).
  experimental: { proxyClientMaxBodySize: MAX_UPLOAD_REQUEST_BYTES },
  // The admin and the API are never framed (clickjacking) and never sniffed
  // into another content type (uploaded files are served from /api/media/file).
  headers: async () => [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
      ],
    },
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
