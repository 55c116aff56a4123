/**
 * The demo's provincial plan (written for this product, on the structure of a 2019 provincial
 * plan implementing QĐ 733/QĐ-TTg: purposes, participants, contents, criteria with points, awards
 * per round, schedule, assignments, funding). Used by the embedded demo and by tests.
 */
export const DEMO_PLAN_TEXT = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 75/KH-UBND

Lai Châu, ngày 20 tháng 8 năm 2019

KẾ HOẠCH

Triển khai Phong trào thi đua “Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025

Căn cứ Quyết định số 733/QĐ-TTg ngày 14/6/2019 của Thủ tướng Chính phủ ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025;

Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai Phong trào thi đua trong toàn tỉnh như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao ý thức trách nhiệm, đạo đức công vụ và tác phong làm việc của cán bộ, công chức, viên chức trong toàn tỉnh.

- Xây dựng môi trường công sở văn minh, hiện đại, thân thiện với người dân và doanh nghiệp.

2. Yêu cầu

- Phong trào được triển khai thường xuyên, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương.

- Việc đánh giá, khen thưởng bảo đảm công khai, dân chủ, đúng người, đúng thành tích.

II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA

1. Đối tượng

- Các cơ quan, đơn vị, địa phương trong toàn tỉnh.

- Cán bộ, công chức, viên chức và người lao động.

2. Nội dung thi đua

a) Đối với tập thể:

- Ban hành và thực hiện nội quy, quy chế văn hóa công sở của cơ quan.

- Bố trí nơi tiếp dân, bảng tên, biển hiệu đúng quy định.

b) Đối với cá nhân:

- Chấp hành kỷ luật, kỷ cương hành chính, giờ giấc làm việc.

- Giao tiếp, ứng xử lịch sự, tôn trọng với người dân và đồng nghiệp.

III. TIÊU CHUẨN THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG

1. Tiêu chuẩn thi đua:

a) Đối với tập thể:

- Có nội quy, quy chế văn hóa công sở được ban hành và niêm yết công khai (20 điểm)

- Công sở xanh, sạch, đẹp; có nơi tiếp dân thuận tiện (15 điểm)

- Không có cán bộ, công chức, viên chức vi phạm kỷ luật từ hình thức khiển trách trở lên (15 điểm)

b) Đối với cán bộ, công chức, viên chức:

- Hoàn thành tốt nhiệm vụ được giao, đúng thời hạn.

- Trang phục gọn gàng, đeo thẻ công chức khi làm việc.

- Không sử dụng đồ uống có cồn trong giờ làm việc.

2. Hình thức khen thưởng:

a) Khen thưởng sơ kết (năm 2022): Bằng khen của Chủ tịch UBND tỉnh cho tập thể và cá nhân tiêu biểu.

b) Khen thưởng tổng kết (năm 2025): Bằng khen của Chủ tịch UBND tỉnh; đề nghị Bằng khen của Thủ tướng Chính phủ.

IV. TIẾN ĐỘ THỰC HIỆN

- Năm 2019: Phát động phong trào; các cơ quan, đơn vị, địa phương ban hành kế hoạch triển khai.

- Năm 2022: Sơ kết, đánh giá kết quả thực hiện phong trào.

- Năm 2025: Tổng kết phong trào nhân dịp Quốc khánh 02/9/2025.

V. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ (Ban Thi đua - Khen thưởng)

- Theo dõi, hướng dẫn, đôn đốc việc thực hiện Kế hoạch; tổng hợp báo cáo kết quả hằng năm trước ngày 30/11.

2. Các cơ quan, đơn vị, địa phương

- Xây dựng kế hoạch triển khai phong trào tại đơn vị mình; gửi về Sở Nội vụ trước ngày 30/9/2019.

VI. KINH PHÍ

Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng của tỉnh theo quy định.

Nơi nhận:
- Sở Nội vụ;
- Các sở, ban, ngành;
- UBND các huyện, thành phố;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Tống Thanh Hải`;
