import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeadlineKind, Frequency, Recurrence } from '@tdnv/domain';
import { IsLocalDate } from '../http/is-local-date.validator';

const KINDS: DeadlineKind[] = ['date', 'month', 'quarter', 'year', 'relative', 'recurring', 'range', 'urgent', 'none'];
const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly'];

/** A periodic duty's rhythm ("hằng tháng, trước ngày 05": { freq: 'monthly', day: 5 }). */
export class RecurrenceDto implements Recurrence {
  @ApiProperty({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES)
  freq!: Frequency;

  @ApiPropertyOptional({ example: 5, description: 'Ngày trong tháng (1–31); với hằng tuần: thứ trong tuần (1 = thứ Hai … 7 = Chủ nhật)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  day?: number;

  @ApiPropertyOptional({ example: 3, description: 'Hằng quý: tháng thứ mấy của quý (mặc định 3, tháng cuối quý)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  monthOfQuarter?: number;

  @ApiPropertyOptional({
    example: [
      [6, 15],
      [12, 15],
    ],
    description: '6 tháng, hằng năm: các cặp [tháng, ngày]',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsArray({ each: true })
  @ArrayMinSize(2, { each: true })
  @ArrayMaxSize(2, { each: true })
  @IsInt({ each: true })
  dates?: [number, number][];

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Ngày cuối cùng của chuỗi (đến hết năm 2026)' })
  @IsOptional()
  @IsLocalDate()
  until?: string;
}

export class DeadlineInputDto {
  @ApiPropertyOptional({ example: '2020-03-31', description: 'Ngày hết hạn (giờ Việt Nam), hết ngày này thì quá hạn' })
  @IsOptional()
  @IsLocalDate()
  due?: string;

  @ApiPropertyOptional({ example: 'trong Quý I năm 2020' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  phrase?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({
    example: 'monthly, day 5; first occurrence after 2026-11-20',
    description: 'Cách tính thời hạn (của bộ phân tích văn bản), lưu nguyên trong lịch sử',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  rule?: string;

  @ApiPropertyOptional({ type: RecurrenceDto, description: 'Nhiệm vụ định kỳ: nhịp báo cáo' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;
}

/**
 * What a report says was already done about a directive: the tasks are registered with that
 * history (done: completed with the result; in progress: the text as their progress). The same
 * field on POST /notices and on /notices/import's edits (a report uploaded as .docx, or a row VPCP
 * changed in the preview).
 */
export class ReportedStatusDto {
  @ApiProperty({
    enum: ['done', 'in_progress', 'open'],
    description: 'Kết quả theo báo cáo: đã hoàn thành, đang thực hiện, chưa thực hiện',
  })
  @IsIn(['done', 'in_progress', 'open'])
  kind!: 'done' | 'in_progress' | 'open';

  @ApiPropertyOptional({ example: 'Đã ban hành Nghị định số 47/2020/NĐ-CP' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  result?: string;

  @ApiPropertyOptional({ example: '2020-04-09', description: 'Ngày hoàn thành hoặc ngày báo cáo; mặc định ngày ban hành văn bản' })
  @IsOptional()
  @IsLocalDate()
  reportedOn?: string;
}

/** A directive's optional fields, checked alike when it is registered and when a parsed one is corrected. */
export class DirectiveOptionsDto {
  @ApiPropertyOptional({ example: ['BCA', 'VPCP'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  coordinators?: string[];

  @ApiPropertyOptional({ type: DeadlineInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineInputDto)
  deadline?: DeadlineInputDto;

  @ApiPropertyOptional({ description: 'Nhiệm vụ trọng tâm' })
  @IsOptional()
  @IsBoolean()
  key?: boolean;

  @ApiPropertyOptional({ description: 'Mật: chỉ VPCP và cơ quan chủ trì được xem' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiPropertyOptional({ type: ReportedStatusDto, description: 'Trạng thái theo báo cáo (dòng của phụ lục báo cáo): nhập kèm lịch sử' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportedStatusDto)
  status?: ReportedStatusDto;
}

export class DirectiveDto extends DirectiveOptionsDto {
  @ApiPropertyOptional({ example: '3.b.2', description: 'Vị trí của chỉ đạo trong văn bản' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  path?: string;

  @ApiProperty({ example: 'Hoàn thành Nền tảng tích hợp, chia sẻ dữ liệu quốc gia' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text!: string;

  @ApiProperty({
    example: ['BKHCN'],
    description: 'Mã cơ quan chủ trì; mã nhóm (ALL_MINISTRIES…) được tách thành một nhiệm vụ cho mỗi thành viên',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  lead!: string[];
}

export class RegisterNoticeDto {
  @ApiProperty({ example: '45/TB-VPCP' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2020-02-12' })
  @IsLocalDate()
  issuedAt!: string;

  @ApiProperty({ example: 'Kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về Chính phủ điện tử' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  title!: string;

  @ApiPropertyOptional({
    example: 'thong_bao_ket_luan',
    description: 'Loại văn bản nguồn (thong_bao_ket_luan, chi_thi, quyet_dinh, bao_cao, …)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  kind?: string;

  @ApiPropertyOptional({ example: 'Thủ tướng Chính phủ Nguyễn Xuân Phúc' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  leader?: string;

  @ApiPropertyOptional({ example: 'chuyenvien@chinhphu.vn', description: 'Chuyên viên VPCP theo dõi thông báo này' })
  @IsOptional()
  @IsEmail()
  trackingOfficer?: string;

  @ApiPropertyOptional({ description: 'Nhập như dữ liệu lịch sử: không gửi thư nhắc cho các nhiệm vụ' })
  @IsOptional()
  @IsBoolean()
  historical?: boolean;

  @ApiProperty({ type: [DirectiveDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => DirectiveDto)
  directives!: DirectiveDto[];
}
