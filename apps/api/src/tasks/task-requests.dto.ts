import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '../http/is-local-date.validator';

/** Request bodies of the task commands. They stay at the HTTP edge; the domain has its own commands. */
export class ReasonDto {
  @ApiProperty({ example: 'Nội dung không thuộc chức năng, nhiệm vụ của Bộ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

export class ReassignDto extends ReasonDto {
  @ApiProperty({ example: 'BXD', description: 'Mã cơ quan chủ trì mới' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  agency!: string;
}

/** What a progress or completion report may cite: the agency's document and files uploaded before. */
export class ReportEvidenceDto {
  @ApiPropertyOptional({ example: '1234/BTC-TH' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentRef?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['att-0b6f4c1e-8d1a-4c55-9f0e-2b7c3a9d1e42'],
    description: 'Tệp đã tải lên (POST /tasks/{id}/attachments)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  attachments?: string[];
}

export class ProgressDto extends ReportEvidenceDto {
  @ApiProperty({ example: 'Đã hoàn thành dự thảo, đang lấy ý kiến các Bộ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  note!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class ExtensionRequestDto extends ReasonDto {
  @ApiProperty({ example: '2026-06-30' })
  @IsLocalDate()
  proposedDue!: string;
}

/** A reviewer's optional words on approving or accepting (a rejection's reason is required instead). */
export class CommentDto {
  @ApiPropertyOptional({ example: 'Đồng ý; đề nghị Bộ bảo đảm tiến độ', description: 'Ý kiến của người xét duyệt (không bắt buộc)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class ApproveExtensionDto extends CommentDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Ngày được chấp thuận; mặc định là ngày đề nghị' })
  @IsOptional()
  @IsLocalDate()
  due?: string;
}

export class DeadlineDto extends ReasonDto {
  @ApiProperty({ example: '2026-05-15' })
  @IsLocalDate()
  due!: string;
}

export class CompletionDto extends ReportEvidenceDto {
  @ApiProperty({ example: 'Đã trình Thủ tướng Chính phủ Đề án tại Tờ trình số 123/TTr-BTC' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  result!: string;
}

export class PeriodicReportDto {
  @ApiProperty({
    example: '2026-12',
    description: 'Kỳ báo cáo: tháng (2026-12), quý (2026-Q4), nửa năm (2026-H2), năm (2026) hoặc tuần (2026-W49)',
  })
  @IsString()
  @Matches(/^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-W(?:0[1-9]|[1-4]\d|5[0-3]))?$/, {
    message: 'period phải là một kỳ báo cáo: 2026-12, 2026-Q4, 2026-H2, 2026 hoặc 2026-W49',
  })
  period!: string;

  @ApiProperty({ example: 'Báo cáo tình hình giải ngân tháng 11 năm 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  note!: string;

  @ApiPropertyOptional({ example: '512/BC-BTC' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentRef?: string;
}

export class DelegateDto {
  @ApiProperty({ example: 'BTC-CUC-TH', description: 'Mã đơn vị cấp dưới' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  agency!: string;

  @ApiProperty({ example: '2026-03-20' })
  @IsLocalDate()
  due!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class EmptyDto {}
