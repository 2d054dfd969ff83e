// The origins whose pages may use the admin's session cookie (Payload's `csrf`
// list): the CMS's public address and, unless that address is set in
// production, its local ones (`npm start`, tests). A page on any other origin,
// a sibling subdomain included (SameSite=Lax does not stop those), is answered
// as an anonymous visitor. Requests signed with `Authorization: JWT …` are not
// concerned: a foreign page cannot read the token to send it.
import { publicServerURL } from './email'

type Env = Record<string, string | undefined>

export function trustedOrigins(env: Env = process.env): string[] {
  const origins = new Set<string>()
  const server = publicServerURL(env)
  if (server) origins.add(server)
  if (!server || env.NODE_ENV !== 'production') {
    const port = env.PORT?.trim() || '3000'
    origins.add(`http://localhost:${port}`)
    origins.add(`http://127.0.0.1:${port}`)
  }
  return [...origins]
}
