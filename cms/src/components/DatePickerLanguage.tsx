'use client'
// Payload gives the date picker its language in an effect, after the picker
// has drawn once: a read-only date (a proposal as a partner sees it) is never
// drawn again and stays in English (« 15 November 2023, 14 h 00 »). The
// languages are registered here, under the names Payload uses, before any
// field draws.
import { useTranslation } from '@payloadcms/ui'
import { enUS } from 'date-fns/locale/en-US'
import { frCA } from 'date-fns/locale/fr-CA'
import type { ReactNode } from 'react'
import { registerLocale, setDefaultLocale } from 'react-datepicker'

registerLocale('fr', frCA)
registerLocale('enUS', enUS)

export function DatePickerLanguage({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  // Idempotent, and it must happen before the fields below draw: not in an effect.
  setDefaultLocale(i18n.language === 'fr' ? 'fr' : 'enUS')
  return <>{children}</>
}
