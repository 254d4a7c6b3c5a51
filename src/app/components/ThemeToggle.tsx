import { setThemePreference, useThemePreference, type ThemePreference } from '../../shared/theme.ts'
import { MonitorIcon, MoonIcon, SunIcon } from '../../shared/icons.tsx'

const options: { value: ThemePreference; label: string; Icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light', Icon: SunIcon },
  { value: 'dark', label: 'Dark', Icon: MoonIcon },
  { value: 'system', label: 'System', Icon: MonitorIcon },
]

export function ThemeToggle() {
  const pref = useThemePreference()
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme">
      {options.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          className="theme-toggle-btn"
          aria-pressed={pref === value}
          title={`${label} theme`}
          onClick={() => setThemePreference(value)}
          data-theme-option={value}
        >
          <Icon width={16} height={16} />
          <span className="sr-only">{label} theme</span>
        </button>
      ))}
    </div>
  )
}
