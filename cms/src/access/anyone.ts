import type { Access } from 'payload'

/** Public read: anyone, including anonymous readers and the exporter. */
export const anyone: Access = () => true
