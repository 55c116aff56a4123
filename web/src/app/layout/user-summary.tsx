import { Avatar, Tooltip, Typography } from 'antd';
import type { SessionUser } from '../../../../contracts/auth.ts';
import { describeGrant } from '../../features/auth/index.ts';
import styles from './layout.module.css';

/** Initials for the avatar: the first letter of the last two words of a Vietnamese name ("Nguyễn Văn An" → "VA"). */
export function initialsOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(-2)
    .map((word) => word[0]?.toLocaleUpperCase('vi') ?? '')
    .join('');
}

/** Name, unit and role of the signed-in user; `compact` shows the name only (for a phone's header). */
export function UserSummary({ user, compact = false }: { user: SessionUser; compact?: boolean }) {
  const [first, ...others] = user.grants;
  const grantText = first ? describeGrant(first) : 'Chưa được phân quyền';
  const allGrants = user.grants.map(describeGrant).join('\n');

  return (
    <div className={styles.user}>
      <Avatar className={styles.avatar} aria-hidden="true">
        {initialsOf(user.fullName)}
      </Avatar>
      <div className={styles.userText}>
        <Typography.Text strong className={styles.userName} data-testid="user-full-name">
          {user.fullName}
        </Typography.Text>
        {!compact && (
          <Tooltip
            title={others.length > 0 ? <span style={{ whiteSpace: 'pre-line' }}>{allGrants}</span> : null}
          >
            <Typography.Text type="secondary" className={styles.userRole} data-testid="user-role">
              {grantText}
              {others.length > 0 && ` (+${others.length})`}
            </Typography.Text>
          </Tooltip>
        )}
      </div>
    </div>
  );
}
