import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../http/is-local-date.validator';
import { DirectiveOptionsDto } from '../notices/register-notice.dto';

/** A correction of one parsed directive, by its path ("3.b.2"): drop it or replace fields (its status with them). */
export class DirectiveEditDto extends DirectiveOptionsDto {
  @ApiProperty({ example: '3.b.2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  path!: string;

  @ApiPropertyOptional({ description: 'Bỏ chỉ đạo này (không tạo nhiệm vụ)' })
  @IsOptional()
  @IsBoolean()
  drop?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ example: ['BKHCN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  lead?: string[];
}

export class ImportNoticeDto {
  @ApiProperty({ description: 'Toàn văn Thông báo kết luận' })
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiPropertyOptional({ example: '2020-02-12', description: 'Ngày ban hành; mặc định lấy từ văn bản' })
  @IsOptional()
  @IsLocalDate()
  issuedAt?: string;

  @ApiPropertyOptional({ example: '45/TB-VPCP', description: 'Số hiệu; mặc định lấy từ văn bản' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number?: string;

  @ApiPropertyOptional({ type: [DirectiveEditDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => DirectiveEditDto)
  edits?: DirectiveEditDto[];

  @ApiPropertyOptional({ description: 'Nhập như dữ liệu lịch sử (văn bản cũ, báo cáo đã qua): không gửi thư nhắc' })
  @IsOptional()
  @IsBoolean()
  historical?: boolean;
}

export class PreviewNoticeDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  text!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLocalDate()
  issuedAt?: string;
}
