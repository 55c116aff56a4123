import { describe, expect, it } from 'vitest';
import { orderTablesByDependency } from './table-order.ts';

describe('orderTablesByDependency', () => {
  it('puts every table after the tables it references', () => {
    const order = orderTablesByDependency(
      ['role_grants', 'users', 'units', 'audit_events'],
      [
        { child: 'role_grants', parent: 'users' },
        { child: 'role_grants', parent: 'units' },
        { child: 'units', parent: 'units' },
      ],
    );
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('role_grants'));
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('role_grants'));
    expect(order).toHaveLength(4);
  });
});
