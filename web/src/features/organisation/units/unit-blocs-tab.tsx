import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { BlocTable } from '../blocs/bloc-table.tsx';
import { useBlocs, useBlocsOfUnit } from '../blocs/blocs.api.ts';
import { YearSelect } from '../blocs/year-select.tsx';
import { useCouncils } from '../councils/councils.api.ts';

/** The blocs this unit organises (through its council) and the blocs it belongs to, for a year. */
export function UnitBlocsTab({ unitId }: { unitId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const councils = useCouncils({ unitId });
  const councilIds = new Set((councils.data?.items ?? []).map((council) => council.id));
  const blocs = useBlocs(year);
  const items = blocs.data?.items ?? [];
  const organised = items.filter((bloc) => councilIds.has(bloc.councilId));
  const memberships = useBlocsOfUnit(unitId, year);
  const belongs = memberships.data?.items ?? [];
  const isLoading = memberships.isFetching;

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      {organised.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 17 }}>
            Khối/cụm do Hội đồng của đơn vị tổ chức
          </Typography.Title>
          <BlocTable blocs={organised} isLoading={blocs.isFetching} emptyText="" />
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: 17, marginTop: organised.length ? 24 : 0 }}>
        Khối/cụm đơn vị là thành viên
      </Typography.Title>
      <BlocTable
        blocs={belongs}
        isLoading={isLoading}
        emptyText={`Năm ${year} đơn vị không thuộc khối/cụm thi đua nào.`}
      />
    </>
  );
}
