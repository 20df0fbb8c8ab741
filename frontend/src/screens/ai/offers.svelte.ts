// What the window offers for each candidate (AI on, human only, preview
// first), shared by the drawer's human-only switch and the resume screen,
// so both show Go's latest answer. The AI dialog bumps `version` when the
// workspace's switches change.
// Straight from ai.ts: through lib/api's re-export the build would split a cycle across chunks.
import { aiApi, type AIOffer } from '../../lib/api/ai';

export const aiState = $state<{ version: number; offers: Record<number, AIOffer> }>({ version: 0, offers: {} });

/** Asks Go; null when it cannot say (then nothing AI is offered). */
export async function loadOffer(candidateId: number): Promise<AIOffer | null> {
  try {
    const o = await aiApi.offer(candidateId);
    aiState.offers[candidateId] = o;
    return o;
  } catch {
    delete aiState.offers[candidateId];
    return null;
  }
}

export async function setHumanOnly(candidateId: number, on: boolean): Promise<AIOffer> {
  const o = await aiApi.setHumanOnly(candidateId, on);
  aiState.offers[candidateId] = o;
  return o;
}

/** The dialog changed something every offer depends on. */
export function offersChanged() {
  aiState.version++;
}
