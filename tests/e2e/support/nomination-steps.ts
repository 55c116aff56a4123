import type { Page } from 'playwright-core';
import { unitOption } from './browser.ts';

/** The province officer's page opens a round of that title from the rounds page (signed in already). */
export async function openRound(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { name: 'Đợt khen thưởng' }).waitFor();
  await page.getByRole('button', { name: 'Mở đợt khen thưởng' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đợt').fill(title);
  await dialog.getByRole('button', { name: 'Mở đợt' }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

/**
 * On the candidates page (CSTĐCS 2025), Tam Đường's officer ticks the first eligible person and drafts
 * a tờ trình to the round of that title; the page ends on the new tờ trình.
 */
export async function draftFromCandidates(page: Page, roundTitle: string): Promise<void> {
  await page.getByRole('heading', { name: 'Đề xuất khen thưởng' }).waitFor();
  const unit = page.locator('#candidate-unit');
  await unit.click();
  await unit.fill('tam duong');
  await unitOption(page, 'Ủy ban nhân dân xã Tam Đường').click();
  const eligible = page.getByRole('row').filter({ hasText: 'Đủ điều kiện' }).first();
  await eligible.waitFor();
  await eligible.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Lập tờ trình/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Đợt khen thưởng').click();
  await page.locator('.ant-select-item-option').filter({ hasText: roundTitle }).first().click();
  await dialog.getByRole('button', { name: 'Lập tờ trình' }).click();
  await page.waitForURL(/\/khen-thuong\/to-trinh\//);
}

/** Where the candidates of CSTĐCS 2025 are listed. */
export const CANDIDATES_PATH = '/khen-thuong/de-xuat?award=CSTDCS&year=2025';
