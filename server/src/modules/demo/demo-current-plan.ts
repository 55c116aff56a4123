/** "ngày 21 tháng 10 năm 2026" for an ISO date. */
const spelled = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `ngày ${day} tháng ${month} năm ${year}`;
};
const short = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The demo's current provincial plan (written for this product): Lai Châu's movement for the
 * two-tier local government after 01/7/2025, dated relative to the day the demo is created so that
 * its deadlines are always live: launched `launchedOn`, implementing plans due `deadline`.
 */
export function currentPlanText(input: {
  number: string;
  launchedOn: string;
  deadline: string;
  periodTo: number;
}) {
  const year = Number(input.launchedOn.slice(0, 4));
  return `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: ${input.number}

Lai Châu, ${spelled(input.launchedOn)}

KẾ HOẠCH

Tổ chức Phong trào thi đua “Xây dựng chính quyền địa phương hai cấp tỉnh Lai Châu hoạt động thông suốt, hiệu lực, hiệu quả” giai đoạn ${year}-${input.periodTo}

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;

Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;

Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức Phong trào thi đua như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Động viên cán bộ, công chức, viên chức thi đua bảo đảm chính quyền hai cấp vận hành thông suốt, phục vụ người dân và doanh nghiệp tốt hơn.

- Phát hiện, biểu dương, nhân rộng các cách làm hay trong giải quyết thủ tục hành chính tại xã, phường.

2. Yêu cầu

- Phong trào được triển khai thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương.

II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA

1. Đối tượng

- Các sở, ban, ngành, đoàn thể tỉnh; Ủy ban nhân dân các xã, phường.

- Cán bộ, công chức, viên chức và người lao động.

2. Nội dung thi đua

a) Đối với tập thể:

- Giải quyết thủ tục hành chính đúng hạn, không để hồ sơ trễ hạn.

- Tiếp nhận, trả kết quả hồ sơ trực tuyến toàn trình.

b) Đối với cá nhân:

- Hoàn thành tốt nhiệm vụ được giao; có sáng kiến cải tiến cách làm việc.

III. TIẾN ĐỘ THỰC HIỆN

- Năm ${year}: Các cơ quan, đơn vị, địa phương ban hành kế hoạch triển khai trước ngày ${short(input.deadline)}.

- Năm ${input.periodTo}: Tổng kết phong trào.

IV. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ

- Theo dõi, hướng dẫn, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, tham mưu sơ kết hằng năm.

2. Các cơ quan, đơn vị, địa phương

- Xây dựng kế hoạch triển khai phong trào tại đơn vị mình; gửi về Sở Nội vụ trước ngày ${short(input.deadline)}.

Nơi nhận:
- Sở Nội vụ;
- Các sở, ban, ngành, đoàn thể tỉnh;
- UBND các xã, phường;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Tống Thanh Hải`;
}
