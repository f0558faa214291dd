import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The sign-in form's controls, drawn as antd's (Form.Item, Input, Input.Password, Alert, Button) with its classes'
 * looks in LoginPage.css, without antd: the sign-in page is in the first script. */

type FieldProps = {
  id: string;
  label: string;
  /** The problem to show under the control, if any. */
  error: string | null;
  children: ReactNode;
};

/** A required field: its label with antd's red mark, the control, and its problem (linked by aria-describedby). */
export function LoginField({ id, label, error, children }: FieldProps) {
  return (
    <div className={error ? 'login-field login-field-invalid' : 'login-field'}>
      <label htmlFor={id} className="login-label" title={label}>
        {label}
      </label>
      {children}
      {error ? (
        <div id={`${id}_help`} className="login-help">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
};

type PasswordProps = InputProps & {
  /** The password shown at first (the person showed it in the form drawn before the app). */
  initiallyShown?: boolean;
};

/** The attributes antd gives a required input, and those of its problem when there is one. */
function inputAria(id: string, invalid: boolean) {
  return invalid
    ? { 'aria-required': true, 'aria-invalid': true, 'aria-describedby': `${id}_help` }
    : { 'aria-required': true };
}

export function TextInput({ id, value, invalid, onChange, ...rest }: InputProps) {
  return (
    <input
      {...rest}
      {...inputAria(id, invalid)}
      id={id}
      type="text"
      className={invalid ? 'login-input login-input-invalid' : 'login-input'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A password input with its show/hide toggle, as antd's Input.Password. */
export function PasswordInput({ id, value, invalid, onChange, initiallyShown, ...rest }: PasswordProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(initiallyShown ?? false);
  return (
    <span className={invalid ? 'login-input login-affix login-input-invalid' : 'login-input login-affix'}>
      <input
        {...rest}
        {...inputAria(id, invalid)}
        id={id}
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="login-eye"
        aria-label={t('auth.login.showPassword')}
        aria-pressed={visible}
        // Keeps the focus (and the caret) in the input.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? <EyeIcon /> : <EyeInvisibleIcon />}
      </button>
    </span>
  );
}

/** antd's error Alert with its icon: a title, and a line below it when given. */
export function ErrorAlert({ title, description }: { title: string; description?: string }) {
  return (
    <div className={description ? 'login-alert login-alert-with-description' : 'login-alert'} role="alert">
      <svg className="login-alert-icon" viewBox="64 64 896 896" fillRule="evenodd" aria-hidden="true" focusable="false">
        <path d="M512 64c247.4 0 448 200.6 448 448S759.4 960 512 960 64 759.4 64 512 264.6 64 512 64zm127.98 274.82h-.04l-.08.06L512 466.75 384.14 338.88c-.04-.05-.06-.06-.08-.06a.12.12 0 00-.07 0c-.03 0-.05.01-.09.05l-45.02 45.02a.2.2 0 00-.05.09.12.12 0 000 .07v.02a.27.27 0 00.06.06L466.75 512 338.88 639.86c-.05.04-.06.06-.06.08a.12.12 0 000 .07c0 .03.01.05.05.09l45.02 45.02a.2.2 0 00.09.05.12.12 0 00.07 0c.02 0 .04-.01.08-.05L512 557.25l127.86 127.87c.04.04.06.05.08.05a.12.12 0 00.07 0c.03 0 .05-.01.09-.05l45.02-45.02a.2.2 0 00.05-.09.12.12 0 000-.07v-.02a.27.27 0 00-.05-.06L557.25 512l127.87-127.86c.04-.04.05-.06.05-.08a.12.12 0 000-.07c0-.03-.01-.05-.05-.09l-45.02-45.02a.2.2 0 00-.09-.05.12.12 0 00-.07 0z" />
      </svg>
      <div>
        <div className="login-alert-title">{title}</div>
        {description ? <div className="login-alert-description">{description}</div> : null}
      </div>
    </div>
  );
}

/** antd's large, full-width primary button; while `loading`, its spinning icon and no second submission. */
export function SubmitButton({
  loading,
  disabled,
  children,
}: {
  loading: boolean;
  disabled: boolean;
  children: string;
}) {
  return (
    <button
      type="submit"
      className={loading ? 'login-submit login-submit-loading' : 'login-submit'}
      disabled={disabled}
      aria-busy={loading || undefined}
    >
      {loading ? (
        <svg className="login-submit-spin" viewBox="0 0 1024 1024" aria-hidden="true" focusable="false">
          <path d="M988 548c-19.9 0-36-16.1-36-36 0-59.4-11.6-117-34.6-171.3a440.45 440.45 0 00-94.3-139.9 437.71 437.71 0 00-139.9-94.3C629 83.6 571.4 72 512 72c-19.9 0-36-16.1-36-36s16.1-36 36-36c69.1 0 136.2 13.5 199.3 40.3C772.3 66 827 103 874 150c47 47 83.9 101.8 109.7 162.7 26.7 63.1 40.2 130.2 40.2 199.3.1 19.9-16 36-35.9 36z" />
        </svg>
      ) : null}
      <span>{children}</span>
    </button>
  );
}

function EyeIcon() {
  return (
    <svg viewBox="64 64 896 896" aria-hidden="true" focusable="false">
      <path d="M942.2 486.2C847.4 286.5 704.1 186 512 186c-192.2 0-335.4 100.5-430.2 300.3a60.3 60.3 0 000 51.5C176.6 737.5 319.9 838 512 838c192.2 0 335.4-100.5 430.2-300.3 7.7-16.2 7.7-35 0-51.5zM512 766c-161.3 0-279.4-81.8-362.7-254C232.6 339.8 350.7 258 512 258c161.3 0 279.4 81.8 362.7 254C791.5 684.2 673.4 766 512 766zm-4-430c-97.2 0-176 78.8-176 176s78.8 176 176 176 176-78.8 176-176-78.8-176-176-176zm0 288c-61.9 0-112-50.1-112-112s50.1-112 112-112 112 50.1 112 112-50.1 112-112 112z" />
    </svg>
  );
}

function EyeInvisibleIcon() {
  return (
    <svg viewBox="64 64 896 896" aria-hidden="true" focusable="false">
      <path d="M942.2 486.2Q889.47 375.11 816.7 305l-50.88 50.88C807.31 395.53 843.45 447.4 874.7 512 791.5 684.2 673.4 766 512 766q-72.67 0-133.87-22.38L323 798.75Q408 838 512 838q288.3 0 430.2-300.3a60.29 60.29 0 000-51.5zm-63.57-320.64L836 122.88a8 8 0 00-11.32 0L715.31 232.2Q624.86 186 512 186q-288.3 0-430.2 300.3a60.3 60.3 0 000 51.5q56.69 119.4 136.5 191.41L112.48 835a8 8 0 000 11.31L155.17 889a8 8 0 0011.31 0l712.15-712.12a8 8 0 000-11.32zM149.3 512C232.6 339.8 350.7 258 512 258c54.54 0 104.13 9.36 149.12 28.39l-70.3 70.3a176 176 0 00-238.13 238.13l-83.42 83.42C223.1 637.49 183.3 582.28 149.3 512zm246.7 0a112.11 112.11 0 01146.2-106.69L401.31 546.2A112 112 0 01396 512z" />
      <path d="M508 624c-3.46 0-6.87-.16-10.25-.47l-52.82 52.82a176.09 176.09 0 00227.42-227.42l-52.82 52.82c.31 3.38.47 6.79.47 10.25a111.94 111.94 0 01-112 112z" />
    </svg>
  );
}
