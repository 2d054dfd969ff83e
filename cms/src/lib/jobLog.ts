// One log line per job run (scheduled publish / unpublish, and any task added
// later): task, job id, what it acted on, outcome and duration. Applied to the
// built config, where Payload has added its own tasks (schedulePublish).
import type { SanitizedConfig, TaskConfig } from 'payload'
import { log } from './log'

type Input = { type?: string; doc?: { relationTo?: string; value?: unknown }; global?: string } | undefined

/** What the job acts on, without personal data: collection and document id, or global. */
function target(input: Input): Record<string, unknown> {
  if (!input || typeof input !== 'object') return {}
  return {
    ...(typeof input.type === 'string' ? { action: input.type } : {}),
    ...(input.doc?.relationTo ? { collection: input.doc.relationTo, document: String(input.doc.value ?? '') } : {}),
    ...(input.global ? { global: input.global } : {}),
  }
}

const ACTION_FR: Record<string, string> = { publish: 'publication', unpublish: 'retrait' }

export function logJobs(config: SanitizedConfig): SanitizedConfig {
  for (const task of (config.jobs?.tasks ?? []) as TaskConfig[]) {
    const handler = task.handler
    if (typeof handler !== 'function') continue
    task.handler = async (args) => {
      const started = performance.now()
      const about = target(args.input as Input)
      const what = `${ACTION_FR[String(about.action)] ?? task.slug}${about.collection ? ` ${about.collection} #${about.document}` : ''}`
      const base = { task: task.slug, job: args.job?.id, ...about }
      try {
        const result = await handler(args)
        const failed = Boolean(result && typeof result === 'object' && 'state' in result && result.state === 'failed')
        log(failed ? 'error' : 'info', 'job', {
          msg: `tâche planifiée ${failed ? 'en échec' : 'faite'} : ${what}`,
          ...base,
          state: failed ? 'failed' : 'succeeded',
          durationMs: Math.round(performance.now() - started),
        })
        return result
      } catch (error) {
        log('error', 'job', {
          msg: `tâche planifiée en échec : ${what}`,
          ...base,
          state: 'failed',
          durationMs: Math.round(performance.now() - started),
          error: error instanceof Error ? error.message.split('\n')[0] : String(error),
        })
        throw error
      }
    }
  }
  return config
}
