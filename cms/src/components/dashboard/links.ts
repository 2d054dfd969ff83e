import type { PayloadRequest } from 'payload'

/** The admin's base path (`/admin`) before `path`, for links. */
export const adminPath = (req: PayloadRequest, path: string) => `${req.payload.config.routes.admin}${path}`
