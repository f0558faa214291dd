import { Grid, Modal } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  open: boolean;
  title: string;
  /** Its width on a wide screen; a phone gets the whole width. */
  width?: number;
  className?: string;
  onClose: () => void;
  /** The form, with its own buttons: mounted only while open, so that it starts afresh each time. */
  children: ReactNode;
};

/** A dialog holding a record's form: a click beside it does not close it (nothing typed is lost that way). */
export function FormModal({ open, title, width = 820, className, onClose, children }: Props) {
  const wide = Grid.useBreakpoint().md === true;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      width={wide ? width : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
      className={className}
    >
      {open ? children : null}
    </Modal>
  );
}
