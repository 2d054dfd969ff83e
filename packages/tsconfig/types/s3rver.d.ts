// s3rver ships no type declarations: the part of its API the tests use.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'

  export interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    directory?: string
    resetOnClose?: boolean
    allowMismatchedSignatures?: boolean
    vhostBuckets?: boolean
    /** Buckets created at `run()`, with their website or CORS configuration documents (XML). */
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[]
  }

  export default class S3rver {
    constructor(options?: S3rverOptions)
    /** Starts the HTTP server; resolves to its address. */
    run(): Promise<AddressInfo | string | null>
    close(): Promise<void>
    reset(): void
  }
}
