import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPreparedStatements } from './pglite-statements.ts';

// One in-memory PGlite for the file (it takes seconds to start).
let pg: PGlite;
let engineCalls = 0;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
  const original = pg.execProtocolStream.bind(pg);
  pg.execProtocolStream = (...args: Parameters<PGlite['execProtocolStream']>) => {
    engineCalls++;
    return original(...args);
  };
  await pg.exec(`
    create table things (id serial primary key, name text not null, at timestamptz, day date,
                         tags text[], data jsonb, amount numeric, flag boolean);
    insert into things (name, at, day, tags, data, amount, flag) values
      ('một', '2026-01-02T03:04:05.678Z', '2026-01-02', '{a,b}', '{"k": [1, 2]}', 12.5, true),
      ('hai', null, null, null, null, null, null);`);
}, 60_000);

afterAll(async () => {
  await pg?.close();
});

describe('withPreparedStatements', () => {
  it('answers exactly what PGlite’s own query answers, parameters and types included', async () => {
    const client = withPreparedStatements(pg);
    const text = `select id, name, at, day, tags, data, amount, flag, $1::int + 1 as next, $2::text as echo,
                         $3::timestamptz as moment, $4::jsonb as doc
                    from things where name = any($5::text[]) order by id`;
    const params = [
      41,
      null,
      new Date('2026-03-04T05:06:07.000Z'),
      JSON.stringify({ x: 'ấ' }),
      ['một', 'hai'],
    ];
    for (const rowMode of ['object', 'array'] as const) {
      const expected = await pg.query(text, params, { rowMode });
      const first = await client.query(text, params, { rowMode });
      const again = await client.query(text, params, { rowMode });
      expect(first.rows).toEqual(expected.rows);
      expect(first.fields).toEqual(expected.fields);
      expect(again.rows).toEqual(expected.rows);
    }
  });

  it('sends a query it has seen before as one engine call', async () => {
    const client = withPreparedStatements(pg);
    const text = 'select name from things where id = $1';
    await client.query(text, [1]);
    engineCalls = 0;
    const result = await client.query<{ name: string }>(text, [2]);
    expect(result.rows).toEqual([{ name: 'hai' }]);
    expect(engineCalls).toBe(1);
    // PGlite's own query takes six.
    engineCalls = 0;
    await pg.query(text, [2]);
    expect(engineCalls).toBe(6);
  });

  it('counts affected rows of writes and keeps DDL off the prepared path', async () => {
    const client = withPreparedStatements(pg);
    const updated = await client.query('update things set flag = $1 where id = $2', [false, 2]);
    expect(updated.affectedRows).toBe(1);
    await client.query('create table scratch_ddl (id int)');
    await client.query('drop table scratch_ddl');
    expect(client.preparedCount()).toBe(1);
  });

  it('prepares a statement again when its table changed shape, outside a transaction', async () => {
    const client = withPreparedStatements(pg);
    await pg.exec('create table shapes (id int, a text); insert into shapes values (1, $$x$$);');
    expect((await client.query('select * from shapes')).rows).toEqual([{ id: 1, a: 'x' }]);
    await pg.exec('alter table shapes add column b text default $$y$$');
    expect((await client.query('select * from shapes')).rows).toEqual([{ id: 1, a: 'x', b: 'y' }]);
    // Inside a transaction the refusal aborts it; the statement is dropped, so the next try works.
    await pg.exec('alter table shapes add column c int default 3');
    await expect(client.transaction((tx) => tx.query('select * from shapes'))).rejects.toMatchObject({
      code: '0A000',
    });
    expect((await client.query('select * from shapes')).rows).toEqual([{ id: 1, a: 'x', b: 'y', c: 3 }]);
  });

  it('runs transactions on the same statements, committing or rolling back', async () => {
    const client = withPreparedStatements(pg);
    const insert = 'insert into things (name) values ($1) returning id';
    await client.transaction(async (tx) => {
      await tx.query(insert, ['ba']);
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query(insert, ['bốn']);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const names = await client.query<{ name: string }>(
      'select name from things where id > $1 order by id',
      [2],
    );
    expect(names.rows.map((row) => row.name)).toEqual(['ba']);
    // A failed statement inside a transaction rolls it back and leaves the client usable.
    await expect(
      client.transaction(async (tx) => {
        await tx.query(insert, ['năm']);
        await tx.query('select 1 / $1::int', [0]);
      }),
    ).rejects.toMatchObject({ code: '22012' });
    expect(
      (await client.query('select count(*)::int as n from things where name = $1', ['năm'])).rows,
    ).toEqual([{ n: 0 }]);
  });

  it('keeps at most the given number of statements, closing the least recently used', async () => {
    const prepared = async () =>
      (await pg.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`)).rows[0]?.n ??
      0;
    const before = await prepared();
    const client = withPreparedStatements(pg, { cacheSize: 2 });
    for (const n of [1, 2, 3, 4, 5, 6]) await client.query(`select ${n} as n`);
    expect(client.preparedCount()).toBe(2);
    // An evicted statement is closed in the same engine call that prepares the next one.
    expect((await prepared()) - before).toBe(3);
    expect((await client.query<{ n: number }>('select 6 as n')).rows).toEqual([{ n: 6 }]);
  });
});
