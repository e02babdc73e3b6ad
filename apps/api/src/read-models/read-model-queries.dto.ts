import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OPEN_STATUSES } from '@tdnv/domain';
import { BUCKETS, PENDING_REVIEWS, TASK_SORTS } from '@tdnv/read-models';
import { IsDateOrInstant, IsLocalDate } from '../http/is-local-date.validator';

const STATES = [...OPEN_STATUSES, 'completed', 'cancelled', 'open'];

export class TasksQueryDto {
  @ApiPropertyOptional({ example: 'BTC' }) @IsOptional() @IsString() @MaxLength(40) agency?: string;
  @ApiPropertyOptional({ enum: ['lead', 'coordinator'] }) @IsOptional() @IsIn(['lead', 'coordinator']) role?: 'lead' | 'coordinator';
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES) state?: string;
  @ApiPropertyOptional({ enum: BUCKETS }) @IsOptional() @IsIn(BUCKETS) bucket?: (typeof BUCKETS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) noticeId?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsLocalDate() dueFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsLocalDate() dueTo?: string;
  @ApiPropertyOptional({ description: 'Chỉ nhiệm vụ trọng tâm (true) hoặc không (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  key?: boolean;
  @ApiPropertyOptional({ description: 'Nhiệm vụ chưa cập nhật trong N ngày' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  staleDays?: number;
  @ApiPropertyOptional({
    enum: PENDING_REVIEWS,
    description:
      'Hàng chờ xét duyệt của người gọi: đề nghị gia hạn (extension) hoặc báo cáo hoàn thành (completion) mà người gọi quyết định (VPCP: nhiệm vụ do VPCP giao; cơ quan: nhiệm vụ đã giao đơn vị cấp dưới)',
  })
  @IsOptional()
  @IsIn(PENDING_REVIEWS)
  pending?: (typeof PENDING_REVIEWS)[number];
  @ApiPropertyOptional({ enum: ['directive'], description: 'Gộp theo chỉ đạo: mỗi chỉ đạo một dòng với số liệu tổng hợp' })
  @IsOptional()
  @IsIn(['directive'])
  groupBy?: 'directive';
  @ApiPropertyOptional({ description: 'Chỉ các nhiệm vụ của một chỉ đạo (cùng noticeId)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  directiveIndex?: number;
  @ApiPropertyOptional({ description: 'Kèm tổng số theo toàn bộ bộ lọc (trang đầu)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  totals?: boolean;
  @ApiPropertyOptional({ example: 'du lieu dan cu', description: 'Tìm kiếm không phân biệt dấu' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: TASK_SORTS }) @IsOptional() @IsIn(TASK_SORTS) sort?: (typeof TASK_SORTS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ enum: ['agency', 'notice', 'month'] }) @IsOptional() @IsIn(['agency', 'notice', 'month']) groupBy?:
    'agency' | 'notice' | 'month';
  @ApiPropertyOptional({ description: 'Nhiệm vụ giao từ ngày; với báo cáo định kỳ (periodicReports): các kỳ có hạn từ ngày' })
  @IsOptional()
  @IsLocalDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Nhiệm vụ giao đến ngày; với báo cáo định kỳ (periodicReports): các kỳ có hạn đến ngày' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Ngày (hết ngày đó) hoặc thời điểm ISO 8601' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;
  @ApiPropertyOptional({ enum: ['original', 'current'] }) @IsOptional() @IsIn(['original', 'current']) deadline?: 'original' | 'current';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) agency?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) noticeId?: string;
}

export class NoticeProgressQueryDto {
  @ApiPropertyOptional({ example: '2026-03-05', description: 'Tiến độ tính đến ngày (hết ngày đó) hoặc thời điểm ISO 8601' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;
}

export class AppendixQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) noticeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) agency?: string;
  @ApiPropertyOptional() @IsOptional() @IsLocalDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsLocalDate() to?: string;
  @ApiPropertyOptional({ enum: ['docx', 'xlsx', 'csv'] }) @IsOptional() @IsIn(['docx', 'xlsx', 'csv']) format?: 'docx' | 'xlsx' | 'csv';
  @ApiPropertyOptional() @IsOptional() @IsDateOrInstant() asOf?: string;
  @ApiPropertyOptional({ enum: ['original', 'current'] }) @IsOptional() @IsIn(['original', 'current']) deadline?: 'original' | 'current';
  @ApiPropertyOptional({
    example: 'Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ',
    description: 'Dòng "(Kèm theo …)" dưới tên phụ lục',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  attachedTo?: string;
  @ApiPropertyOptional({ example: 'Văn phòng Chính phủ', description: 'Cơ quan ban hành báo cáo (mặc định: Văn phòng Chính phủ)' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  issuer?: string;
  @ApiPropertyOptional({ description: 'Liệt kê kết quả của từng cơ quan dưới nhiệm vụ giao cho nhiều cơ quan' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  detail?: boolean;
}

export class ReminderLetterQueryDto {
  @ApiPropertyOptional({ example: 'BTC', description: 'Cơ quan nhận công văn; không nêu: mọi cơ quan có nhiệm vụ quá hạn (format=zip)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  agency?: string;
  @ApiPropertyOptional({ example: '2026-04-10', description: 'Tính đến ngày (hết ngày đó) hoặc thời điểm ISO 8601' })
  @IsOptional()
  @IsDateOrInstant()
  asOf?: string;
  @ApiPropertyOptional({ enum: ['docx', 'zip'] }) @IsOptional() @IsIn(['docx', 'zip']) format?: 'docx' | 'zip';
}

export class IssueReminderLetterDto {
  @ApiProperty({ example: 'BTC' }) @IsString() @IsNotEmpty() @MaxLength(40) agency!: string;
  @ApiPropertyOptional({ example: '2026-04-10' }) @IsOptional() @IsDateOrInstant() asOf?: string;
  @ApiPropertyOptional({ example: '123/VPCP-TH', description: 'Số công văn' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[0-9A-Za-zÀ-ỹĐđ./\- ]+$/u)
  number?: string;
}
