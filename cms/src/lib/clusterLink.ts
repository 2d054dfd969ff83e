// What the CMS processes of one machine share through their primary process
// (CLES_CMS_PROCESSES > 1, src/server/start.ts): the sign-in and reset
// counters, held by the primary so that N processes do not allow N times more
// attempts, and the clearing of the anonymous read cache after a write.
// Outside a cluster every function here works on this process alone.
// No path aliases and type-only imports: the primary loads it with Node's type stripping.
import cluster from 'node:cluster'
import type { AttemptWindows, WindowName, WindowOperation } from './slidingWindow.ts'
import { applyToWindow } from './slidingWindow.ts'

/** The key every message of ours carries (Node's own cluster messages have others). */
export const CLUSTER_KEY = 'clesCluster'

export type ClusterMessage =
  | { type: 'window'; id: number; name: WindowName; operation: WindowOperation; key: string }
  | { type: 'window-answer'; id: number; value: number }
  | { type: 'anonymous-cache-clear' }

/** The message of ours inside what a process received, if any. */
export function clusterMessage(received: unknown): ClusterMessage | null {
  const inner = received && typeof received === 'object' ? (received as Record<string, unknown>)[CLUSTER_KEY] : undefined
  return inner && typeof inner === 'object' ? (inner as ClusterMessage) : null
}

export const wrap = (message: ClusterMessage) => ({ [CLUSTER_KEY]: message })

/** Whether this process is one of several CMS processes under a primary. */
export const inCluster = () => cluster.isWorker && typeof process.send === 'function'

/** If the primary does not answer within this time (stopping), this process's own counters decide. */
const ANSWER_TIMEOUT_MS = 2_000
let lastId = 0
const waiting = new Map<number, (value: number) => void>()
const listeners = new Map<ClusterMessage['type'], () => void>()
let listening = false

function listen() {
  if (listening) return
  listening = true
  process.on('message', (received) => {
    const message = clusterMessage(received)
    if (!message) return
    if (message.type === 'window-answer') {
      waiting.get(message.id)?.(message.value)
      waiting.delete(message.id)
    } else listeners.get(message.type)?.()
  })
}

/**
 * One operation on the attempt counters: on the primary's (shared by every process) in a
 * cluster, on `local` otherwise. Resolves to the wait in ms for `retryAfter`, 0 otherwise.
 */
export function onAttemptWindow(local: AttemptWindows, name: WindowName, operation: WindowOperation, key: string): Promise<number> {
  if (!inCluster()) return Promise.resolve(applyToWindow(local, name, operation, key))
  listen()
  return new Promise((resolve) => {
    const id = ++lastId
    const timer = setTimeout(() => {
      waiting.delete(id)
      resolve(applyToWindow(local, name, operation, key))
    }, ANSWER_TIMEOUT_MS)
    timer.unref()
    waiting.set(id, (value) => {
      clearTimeout(timer)
      resolve(value)
    })
    process.send!(wrap({ type: 'window', id, name, operation, key }))
  })
}

/** Tells the other CMS processes (through the primary) that the anonymous cache must be cleared. */
export function tellOtherProcesses(type: 'anonymous-cache-clear'): void {
  if (inCluster()) process.send!(wrap({ type }))
}

/** Runs `handler` when another CMS process sends `type`. */
export function onOtherProcesses(type: 'anonymous-cache-clear', handler: () => void): void {
  if (!inCluster()) return
  listen()
  listeners.set(type, handler)
}
