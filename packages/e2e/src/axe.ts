// axe-core in the page under test, for the WCAG 2.2 AA rule set of the design brief.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Violations on the current page, or only inside the elements matching
 * `include` (CSS selectors). The source is injected as an inline script,
 * so the page's context must be created with `bypassCSP: true`.
 */
export async function axeViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document | { include: string[][] },
              options: object,
            ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>
          }
        }
      ).axe
      const context = include ? { include: include.map((selector) => [selector]) } : document
      const { violations } = await axe.run(context, { runOnly: { type: 'tag', values: tags } })
      return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
    },
    { tags: AXE_TAGS, include },
  )
}
