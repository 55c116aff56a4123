import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { BlocTable } from '../blocs/bloc-table.tsx';
import { useBlocDetails, useBlocs } from '../blocs/blocs.api.ts';
import { YearSelect } from '../blocs/year-select.tsx';
import { useCouncils } from '../councils/councils.api.ts';

/** How many blocs of a year are opened to find the ones this unit belongs to. */
const MEMBERSHIP_LOOKUP_LIMIT = 100;

/** The blocs this unit organises (through its council) and the blocs it belongs to, for a year. */
export function UnitBlocsTab({ unitId }: { unitId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const councils = useCouncils({ unitId });
  const councilIds = new Set((councils.data?.items ?? []).map((council) => council.id));
  const blocs = useBlocs(year);
  const items = blocs.data?.items ?? [];
  const organised = items.filter((bloc) => councilIds.has(bloc.councilId));
  // The API has no "blocs of a member unit" filter, so the year's blocs are opened and searched here.
  const details = useBlocDetails(items.slice(0, MEMBERSHIP_LOOKUP_LIMIT).map((bloc) => bloc.id));
  const memberOf = new Set(
    details.flatMap((detail) =>
      detail.data?.members.some((member) => member.unitId === unitId) ? [detail.data.id] : [],
    ),
  );
  const belongs = items.filter((bloc) => memberOf.has(bloc.id));
  const isLoading = blocs.isFetching || details.some((detail) => detail.isFetching);

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
