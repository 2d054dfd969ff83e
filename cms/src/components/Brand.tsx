// The network's name and mark in the admin, instead of Payload's: the full
// logo on the sign-in and password screens, the small mark in the top bar.
// Plain SVG and text, no request to anyone; the text is real text, so screen
// readers and translation tools read « Réseau CLES ».

import type { I18nClient } from '@payloadcms/translations'

const PURPLE = '#5b2a86'
const english = (i18n?: Pick<I18nClient, 'language'>) => i18n?.language === 'en'

/** Two interlocking keys (« clés »), drawn to stay legible at 16 px. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={PURPLE} />
      <circle cx="11" cy="12" r="5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <path d="M14.5 15.5 24 25m-4-4 2.5-2.5M22 23l2.5-2.5" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  )
}

export function Logo({ i18n }: { i18n?: I18nClient }) {
  return (
    <div className="cles-logo" style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
      <Mark size={48} />
      <div style={{ lineHeight: 1.2 }}>
        <p style={{ margin: 0, fontSize: '1.5rem', fontWeight: 700, color: 'var(--theme-text)' }}>Réseau CLES</p>
        <p style={{ margin: 0, color: 'var(--theme-elevation-650)' }}>
          {english(i18n) ? 'Managing the network’s sites' : 'Gestion des sites du réseau'}
        </p>
      </div>
    </div>
  )
}

/** In the top bar, inside Payload's link to the dashboard: its name is this text. */
export function Icon({ i18n }: { i18n?: I18nClient }) {
  return (
    <span className="cles-icon" style={{ display: 'inline-flex' }}>
      <Mark size={24} />
      <span className="cles-visually-hidden">{english(i18n) ? 'CLES network: dashboard' : 'Réseau CLES : tableau de bord'}</span>
    </span>
  )
}
