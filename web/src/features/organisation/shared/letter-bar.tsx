import { Button, Flex, Typography } from 'antd';
import { ALPHABET_LETTERS } from '../../../../../contracts/organisation.ts';

interface LetterBarProps {
  /** The letter the list starts at, if any. */
  value?: string | undefined;
  onChange: (letter: string | undefined) => void;
  /** What the letters refer to, e.g. "tên" (the given name). */
  label: string;
  disabled?: boolean;
}

/** "Nhảy tới chữ": one button per letter of the Vietnamese alphabet; the list then starts there. */
export function LetterBar({ value, onChange, label, disabled }: LetterBarProps) {
  return (
    <Flex
      wrap
      gap={4}
      align="center"
      style={{ marginBottom: 12 }}
      role="group"
      aria-label={`Nhảy tới chữ cái đầu của ${label}`}
    >
      <Typography.Text style={{ marginRight: 8 }}>Chữ cái đầu của {label}:</Typography.Text>
      <Button
        size="small"
        type={value ? 'default' : 'primary'}
        onClick={() => onChange(undefined)}
        disabled={disabled}
      >
        Tất cả
      </Button>
      {ALPHABET_LETTERS.map((letter) => (
        <Button
          key={letter}
          size="small"
          type={value === letter ? 'primary' : 'default'}
          aria-pressed={value === letter}
          onClick={() => onChange(letter)}
          disabled={disabled}
          style={{ minWidth: 32 }}
        >
          {letter}
        </Button>
      ))}
    </Flex>
  );
}
