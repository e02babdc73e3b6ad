import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested,
} from 'class-validator';
import { DeadlineKind } from '@tdnv/domain';
import { IsLocalDate } from '../http/is-local-date.validator';

const KINDS: DeadlineKind[] = ['date', 'month', 'quarter', 'year', 'relative', 'recurring', 'range', 'urgent', 'none'];

export class DeadlineInputDto {
  @ApiPropertyOptional({ example: '2020-03-31', description: 'Ngày hết hạn (giờ Việt Nam), hết ngày này thì quá hạn' })
  @IsOptional() @IsLocalDate()
  due?: string;

  @ApiPropertyOptional({ example: 'trong Quý I năm 2020' })
  @IsOptional() @IsString() @MaxLength(500)
  phrase?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional() @IsIn(KINDS)
  kind?: DeadlineKind;
}

export class DirectiveDto {
  @ApiProperty({ example: 'Hoàn thành Nền tảng tích hợp, chia sẻ dữ liệu quốc gia' })
  @IsString() @IsNotEmpty() @MaxLength(20000)
  text!: string;

  @ApiProperty({ example: ['BKHCN'], description: 'Mã cơ quan chủ trì; mã nhóm (ALL_MINISTRIES…) được tách thành một nhiệm vụ cho mỗi thành viên' })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @IsString({ each: true })
  lead!: string[];

  @ApiPropertyOptional({ example: ['BCA', 'VPCP'] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true })
  coordinators?: string[];

  @ApiPropertyOptional({ type: DeadlineInputDto })
  @IsOptional() @ValidateNested() @Type(() => DeadlineInputDto)
  deadline?: DeadlineInputDto;

  @ApiPropertyOptional({ description: 'Nhiệm vụ trọng tâm' })
  @IsOptional() @IsBoolean()
  key?: boolean;

  @ApiPropertyOptional({ description: 'Mật: chỉ VPCP và cơ quan chủ trì được xem' })
  @IsOptional() @IsBoolean()
  confidential?: boolean;
}

export class RegisterNoticeDto {
  @ApiProperty({ example: '45/TB-VPCP' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2020-02-12' })
  @IsLocalDate()
  issuedAt!: string;

  @ApiProperty({ example: 'Kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về Chính phủ điện tử' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  title!: string;

  @ApiPropertyOptional({ example: 'Thủ tướng Chính phủ Nguyễn Xuân Phúc' })
  @IsOptional() @IsString() @MaxLength(500)
  leader?: string;

  @ApiPropertyOptional({ example: 'chuyenvien@chinhphu.vn', description: 'Chuyên viên VPCP theo dõi thông báo này' })
  @IsOptional() @IsEmail()
  trackingOfficer?: string;

  @ApiProperty({ type: [DirectiveDto] })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => DirectiveDto)
  directives!: DirectiveDto[];
}
