/**
 * The 5 × 5 risk matrix as the service grades it: consequence × probability (1–5 each) gives the
 * score; 1–4 is low, 5–9 medium, 10–25 high. Kept in step with services/quality/domain/risk.py, so
 * the form shows the score the report will get before it is sent.
 */
import type { RiskLevel } from '../api/types';

export const GRADES = [1, 2, 3, 4, 5] as const;
export type Grade = (typeof GRADES)[number];

export function riskScore(consequence: number, probability: number): number {
  return consequence * probability;
}

export function riskLevel(score: number): RiskLevel {
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export const isGrade = (value: unknown): value is Grade => typeof value === 'number' && (GRADES as readonly number[]).includes(value);
