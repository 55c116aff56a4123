import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditFieldLabels, auditHiddenFields } from '#contracts/audit-fields.ts';
import {
  blocMembers,
  blocs,
  councilMembers,
  councils,
  movementAssignments,
  movementMilestones,
  movements,
  persons,
  planObligations,
  registrations,
  roleGrants,
  units,
} from '#server/platform/db/schema.ts';
import { collectAuditIds, namesForEvent } from './audit-names.ts';

const unitA = '11111111-1111-4111-8111-111111111111';
const unitB = '22222222-2222-4222-8222-222222222222';
const person = '33333333-3333-4333-8333-333333333333';
const council = '44444444-4444-4444-8444-444444444444';

describe('audit names', () => {
  it('collects the subjects and every referenced id of a page, by kind, once each', () => {
    const ids = collectAuditIds([
      { entityType: 'council', entityId: council, before: null, after: { personId: person, unitId: unitA } },
      {
        entityType: 'bloc',
        entityId: 'not-an-id',
        before: { members: [{ unitId: unitA }, { unitId: unitB }] },
        after: { successorIds: [unitB], detail: { parentId: 'criterion-3' } },
      },
    ]);
    expect([...(ids.get('unit') ?? [])].sort()).toEqual([unitA, unitB]);
    expect([...(ids.get('person') ?? [])]).toEqual([person]);
    expect([...(ids.get('council') ?? [])]).toEqual([council]);
    expect(ids.has('bloc')).toBe(false);
  });

  it('names the subject from the lookup, else from the event, and maps referenced ids', () => {
    const names = new Map([
      ['council' as const, new Map([[council, 'Hội đồng TĐKT tỉnh']])],
      ['person' as const, new Map([[person, 'Nguyễn Thị Hoa']])],
    ]);
    const member = { entityType: 'council', entityId: council, before: null, after: { personId: person } };
    expect(namesForEvent(member, names)).toEqual({
      entityName: 'Hội đồng TĐKT tỉnh',
      names: { [person]: 'Nguyễn Thị Hoa' },
    });
    const deleted = { entityType: 'council', entityId: unitB, before: { name: 'Hội đồng cũ' }, after: null };
    expect(namesForEvent(deleted, names).entityName).toBe('Hội đồng cũ');
    const memberOfGone = {
      entityType: 'council',
      entityId: unitB,
      before: { personId: person, name: 'x' },
      after: null,
    };
    expect(namesForEvent(memberOfGone, names).entityName).toBeNull();
  });

  it('has a Vietnamese name for every column of every audited table', () => {
    const tables = [
      units,
      persons,
      councils,
      councilMembers,
      blocs,
      blocMembers,
      movements,
      planObligations,
      registrations,
      movementMilestones,
      movementAssignments,
      roleGrants,
    ];
    const missing = tables
      .flatMap((table) => Object.keys(getTableColumns(table)))
      .filter((column) => !auditHiddenFields.has(column) && !auditFieldLabels[column]);
    expect([...new Set(missing)]).toEqual([]);
  });
});
