'use client'
// The search-result box of the SEO preview, following what the person types
// in the SEO title and description (or, left empty, what the sites use instead:
// the title followed by the site's name, the excerpt).
import { useEffect, useState } from 'react'

interface Props {
  url: string
  pageTitle: string
  siteName: string
  metaTitle: string
  metaDescription: string
  excerpt: string
}

const valueOf = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value

export function SeoPreviewLive({ url, pageTitle, siteName, metaTitle, metaDescription, excerpt }: Props) {
  const [typed, setTyped] = useState({ title: metaTitle, description: metaDescription, page: pageTitle, excerpt })

  useEffect(() => {
    // Typed or filled in by « Remplir automatiquement » (which fires no input event): read the fields.
    const read = () =>
      setTyped((before) => {
        const next = {
          title: valueOf('field-meta__title') ?? before.title,
          description: valueOf('field-meta__description') ?? before.description,
          page: valueOf('field-title') ?? before.page,
          excerpt: valueOf('field-excerpt') ?? before.excerpt,
        }
        return JSON.stringify(next) === JSON.stringify(before) ? before : next
      })
    read()
    document.addEventListener('input', read)
    const timer = window.setInterval(read, 1000)
    return () => {
      document.removeEventListener('input', read)
      window.clearInterval(timer)
    }
  }, [])

  const title = typed.title.trim() || [typed.page.trim(), siteName].filter(Boolean).join(' — ')
  const description = typed.description.trim() || typed.excerpt.trim()
  return (
    <div
      className="cles-seo-preview__result"
      style={{
        background: 'var(--theme-elevation-50)',
        borderRadius: '5px',
        boxShadow: '0 0 10px rgba(0, 0, 0, 0.1)',
        maxWidth: '600px',
        padding: '20px',
      }}
    >
      <p style={{ margin: 0, overflowWrap: 'anywhere' }} data-seo-url>
        {url}
      </p>
      <p style={{ margin: 0, fontSize: '1.15rem', fontWeight: 600 }}>{title}</p>
      <p style={{ margin: 0 }}>{description}</p>
    </div>
  )
}
