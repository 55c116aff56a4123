import { Typography } from 'antd';
import { missingSummary, useDossier } from './dossier.api.ts';

/** The submit confirmation's text: what the dossier still lacks (sending is allowed), and what sending means. */
export function MissingDossierNote({ nominationId, version }: { nominationId: string; version: number }) {
  const dossier = useDossier(nominationId, version);
  const missing = missingSummary(dossier.data);
  return (
    <div style={{ maxWidth: 480 }}>
      {missing.length > 0 && (
        <>
          <Typography.Text type="warning" strong>
            Hồ sơ còn thiếu:
          </Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
            {missing.slice(0, 10).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {missing.length > 10 && <li>… và {missing.length - 10} đối tượng khác</li>}
          </ul>
        </>
      )}
      Sau khi gửi, tờ trình không sửa được cho đến khi cấp trên trả lại.
    </div>
  );
}
