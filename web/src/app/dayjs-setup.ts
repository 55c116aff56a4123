import 'dayjs/locale/vi';
import dayjs from 'dayjs';

dayjs.locale('vi');
