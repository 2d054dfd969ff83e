import { defineConfig } from 'vitest/config'

// nginx and the S3 test server are real processes: one test file at a time on 2 cores.
export default defineConfig({
  test: { environment: 'node', include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 },
})
